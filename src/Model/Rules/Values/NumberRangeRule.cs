using UnitGen.Model.Loading;

namespace UnitGen.Model.Rules.Values;

/// <summary>
/// The whole numbers of the model and the ranges their consumers accept: puma and unicorn take no
/// negative worker count, systemd's time values and puma's thread pool are bounded, and the upper
/// bounds keep a typo (<c>workers: 10000</c>) from forking a host to death.
/// </summary>
internal sealed class NumberRangeRule : ValueRule
{
    /// <summary>One number field: its model path, the key as written in YAML, its range and its value.</summary>
    internal sealed record Field(string Path, string Key, int Min, int Max, Func<ServiceModel, int?> Value);

    public static readonly IReadOnlyList<Field> Fields =
    [
        new("server.workers", "workers", 0, 1024, m => m.Server.Workers),
        new("server.threads.min", "min", 0, 4096, m => m.Server.Threads?.Min),
        new("server.threads.max", "max", 1, 4096, m => m.Server.Threads?.Max),
        new("server.timeout", "timeout", 1, 86400, m => m.Server.Timeout),
        new("systemd.watchdogSec", "watchdogSec", 1, 86400, m => m.Systemd.WatchdogSec),
    ];

    public override string Code => LoaderCodes.InvalidValue;

    public static Field? Find(string path) => Fields.FirstOrDefault(f => f.Path == path);

    public static bool InRange(Field field, long value) => value >= field.Min && value <= field.Max;

    public static Finding OutOfRange(Field field, long value) =>
        new(field.Path, $"{value} is out of range for `{field.Key}`.") { Fix = $"Use a number from {field.Min} to {field.Max}." };

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var field in Fields)
        {
            if (field.Value(model) is { } value && !InRange(field, value))
            {
                yield return OutOfRange(field, value);
            }
        }
    }
}
