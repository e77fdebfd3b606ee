using UnitGen.Model.Loading;

namespace UnitGen.Model.Rules.Values;

/// <summary>
/// The whole numbers of the model and the ranges their consumers accept: puma and unicorn take no
/// negative worker count, systemd's time values and puma's thread pool are bounded, and the upper
/// bounds keep a typo (<c>workers: 10000</c>, <c>instances: 640</c>) from forking a host to death.
/// </summary>
internal sealed class NumberRangeRule : ValueRule
{
    /// <summary>One number field: the key as written in YAML and its range.</summary>
    internal sealed record Field(string Key, int Min, int Max);

    private static readonly (string Path, Field Field, Func<ServiceModel, int?> Value)[] ModelFields =
    [
        ("server.workers", new("workers", 0, 1024), m => m.Server.Workers),
        ("server.threads.min", new("min", 0, 4096), m => m.Server.Threads?.Min),
        ("server.threads.max", new("max", 1, 4096), m => m.Server.Threads?.Max),
        ("server.timeout", new("timeout", 1, 86400), m => m.Server.Timeout),
        ("systemd.watchdogSec", new("watchdogSec", 1, 86400), m => m.Systemd.WatchdogSec),
        // A restart that may take an hour is no gate; 0 would fail every restart before it started.
        ("deploy.health.timeout", new("timeout", 1, 3600), m => m.Deploy?.Health.Timeout),
        // sshkit's group runner slices hosts with each_slice(limit): 0 raises ArgumentError (lib/sshkit/runners/group.rb).
        ("deploy.capistrano.rolling.limit", new("limit", 1, 1024), m => m.Deploy?.Capistrano?.Rolling.Limit),
        // sshkit sleeps `wait` seconds between groups; negative makes Kernel#sleep raise.
        ("deploy.capistrano.rolling.wait", new("wait", 0, 3600), m => m.Deploy?.Capistrano?.Rolling.Wait),
    ];

    /// <summary>The number fields of each entry of <c>processes:</c>, at <c>processes.NAME.KEY</c>.</summary>
    private static readonly (Field Field, Func<ProcessSpec, int?> Value)[] ProcessFields =
    [
        // Copies of one process a model may ask for; more is a fleet, not an app.
        (new("instances", 1, 64), p => p.Instances),
        (new("stopTimeout", 1, 86400), p => p.StopTimeout),
        (new("watchdogSec", 1, 86400), p => p.WatchdogSec),
    ];

    public override string Code => LoaderCodes.InvalidValue;

    /// <summary>The field at a model path (<c>server.workers</c>, <c>processes.worker.instances</c>).</summary>
    public static Field? Find(string path) =>
        path.StartsWith("processes.", StringComparison.Ordinal)
            ? ProcessFields.Select(f => f.Field).FirstOrDefault(f => path.EndsWith($".{f.Key}", StringComparison.Ordinal))
            : ModelFields.FirstOrDefault(f => f.Path == path).Field;

    public static bool InRange(Field field, long value) => value >= field.Min && value <= field.Max;

    public static Finding OutOfRange(string path, Field field, long value) =>
        new(path, $"{value} is out of range for `{field.Key}`.") { Fix = $"Use a number from {field.Min} to {field.Max}." };

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (path, field, value) in ModelFields)
        {
            if (value(model) is { } number && !InRange(field, number))
            {
                yield return OutOfRange(path, field, number);
            }
        }

        foreach (var process in model.Processes)
        {
            foreach (var (field, value) in ProcessFields)
            {
                if (value(process) is { } number && !InRange(field, number))
                {
                    yield return OutOfRange($"processes.{process.Name}.{field.Key}", field, number);
                }
            }
        }
    }
}
