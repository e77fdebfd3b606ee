using UnitGen.Model.Loading;

namespace UnitGen.Model.Rules.Values;

/// <summary>
/// systemd (WorkingDirectory=, EnvironmentFile=, PIDFile=) and runit resolve nothing relative to a
/// project: every path the model names is installed as written, so it must start with <c>/</c>.
/// </summary>
internal sealed class AbsolutePathRule : ValueRule
{
    /// <summary>Every model field that holds one absolute path, by its model path.</summary>
    private static readonly (string Path, Func<ServiceModel, string?> Value)[] Fields =
    [
        ("directory", m => m.Directory),
        ("envFile", m => m.EnvFile),
        ("server.config", m => m.Server.Config),
        ("server.pidfile", m => m.Server.Pidfile),
        ("runit.serviceDir", m => m.Runit.ServiceDir),
        ("runit.logDir", m => m.Runit.LogDir),
    ];

    public override string Code => LoaderCodes.InvalidValue;

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (path, value) in Fields)
        {
            if (value(model) is { } text && !text.StartsWith('/'))
            {
                yield return NotAbsolute(path, text);
            }
        }

        foreach (var (path, i) in model.Systemd.ReadWritePaths.Select((p, i) => (p, i)).Where(p => !p.p.StartsWith('/')))
        {
            yield return NotAbsolute($"systemd.readWritePaths[{i}]", path);
        }

        foreach (var process in model.Processes.Where(p => p.Config is not null && !p.Config.StartsWith('/')))
        {
            yield return NotAbsolute($"processes.{process.Name}.config", process.Config!);
        }
    }

    private static Finding NotAbsolute(string path, string text) =>
        new(path, $"`{text}` is not an absolute path: systemd and runit resolve nothing relative to a project.")
        {
            Fix = "Write the full path, starting with `/`.",
        };
}
