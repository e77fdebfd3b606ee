using System.Collections.Immutable;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Fields;

/// <summary>
/// The declarative key table of <c>unitgen.yaml</c> (after podman quadlet's key tables), in the order
/// the keys are documented and imported. It drives the unknown-key check (<see cref="Loading.ModelKeys"/>),
/// the rules that check text values by where they end up (UG0701, UG0720, UG0723, UG0510), the import
/// writer, and the schema and property tests. A new key is one row here.
/// </summary>
internal static class ModelFields
{
    private const FieldUse UnitSetting = FieldUse.UnitValue | FieldUse.Unquoted;

    public static ImmutableArray<ModelField> All { get; } =
    [
        // `name` names the unit files themselves: UG0721 checks it as a unit name, so no text use here.
        new("name", FieldType.Text),
        Text("description", UnitSetting, m => m.Description),
        Text("user", UnitSetting, m => m.User),
        new("allowRoot", FieldType.Flag),
        Text("group", UnitSetting, m => m.Group),
        Text("directory", UnitSetting | FieldUse.Path, m => m.Directory),
        new("environment", FieldType.Collection),
        new("environment.*", FieldType.Text, FieldUse.EnvironmentEntry)
        {
            Values = m => m.Environment.Select(v => new FieldValue($"environment.{v.Name}", $"{v.Name}={v.Value}", FieldUse.EnvironmentEntry)),
        },
        Text("envFile", UnitSetting | FieldUse.Path, m => m.EnvFile),
        new("server", FieldType.Section),
        new("server.type", FieldType.Choice),
        new("server.version", FieldType.Version),
        new("server.command", FieldType.List, FieldUse.ExecWord | FieldUse.Path | FieldUse.Program)
        {
            Values = m => m.Server.Command.Select((word, i) => new FieldValue("server.command", word,
                // Only an absolute program is a path systemd resolves; a bare name is looked up in PATH.
                i == 0 && word.StartsWith('/') ? FieldUse.ExecWord | FieldUse.Path | FieldUse.Program : FieldUse.ExecWord)),
        },
        new("server.bundler", FieldType.Version),
        Text("server.config", FieldUse.UnitValue | FieldUse.Path, m => m.Server.Config),
        // unicorn's derived command line ends in the rackup file: `unicorn -c CONFIG RACKUP`.
        Text("server.rackup", FieldUse.UnitValue | FieldUse.Argument, m => m.Server.Rackup),
        Text("server.environment", FieldUse.UnitValue, m => m.Server.Environment),
        new("server.workers", FieldType.Number),
        new("server.threads", FieldType.Section),
        new("server.threads.min", FieldType.Number),
        new("server.threads.max", FieldType.Number),
        new("server.preload", FieldType.Flag),
        new("server.forkWorker", FieldType.Flag),
        new("server.sdNotifyGem", FieldType.Flag),
        Text("server.pidfile", FieldUse.UnitValue | FieldUse.Path, m => m.Server.Pidfile),
        new("server.timeout", FieldType.Number),
        new("server.useSystemd", FieldType.Flag),
        new("server.localConfig", FieldType.Flag),
        new("server.pruneBundler", FieldType.Flag),
        Items("server.binds[]", FieldUse.UnitValue, m => m.Server.Binds ?? []),
        new("server.ruby", FieldType.Version),
        new("server.yjit", FieldType.Flag),
        new("listen", FieldType.Collection),
        new("listen[].uri", FieldType.Text, UnitSetting | FieldUse.Path | FieldUse.UnixSocket)
        {
            // A TCP address is written as systemd prints it; only a unix path is taken as written.
            Values = m => m.Listen.Select((l, i) => new FieldValue($"listen[{i}].uri", l.Address.ListenStream,
                l.Address is UnixAddress ? UnitSetting | FieldUse.Path | FieldUse.UnixSocket : FieldUse.UnitValue)),
        },
        new("listen[].mode", FieldType.Text, UnitSetting)
        {
            Values = m => m.Listen.Select((l, i) => (Path: $"listen[{i}].mode", l.Mode)).Where(v => v.Mode is not null)
                .Select(v => new FieldValue(v.Path, v.Mode!, UnitSetting)),
        },
        new("listen[].group", FieldType.Text, UnitSetting)
        {
            Values = m => m.Listen.Select((l, i) => (Path: $"listen[{i}].group", l.Group)).Where(v => v.Group is not null)
                .Select(v => new FieldValue(v.Path, v.Group!, UnitSetting)),
        },
        new("restart", FieldType.Choice),
        new("supervisor", FieldType.List),
        new("systemd", FieldType.Section),
        new("systemd.socketActivation", FieldType.Flag),
        new("systemd.notify", FieldType.Flag),
        new("systemd.watchdogSec", FieldType.Number),
        new("systemd.hardening", FieldType.Choice),
        OutputTarget("systemd.stdout", m => m.Systemd.Stdout),
        OutputTarget("systemd.stderr", m => m.Systemd.Stderr),
        Items("systemd.after[]", FieldUse.UnitValue, m => m.Systemd.After),
        Items("systemd.wants[]", FieldUse.UnitValue, m => m.Systemd.Wants),
        Items("systemd.readWritePaths[]", FieldUse.UnitValue | FieldUse.Path, m => m.Systemd.ReadWritePaths),
        new("systemd.extra", FieldType.Collection),
        // Written as given after `Key=`: a plain unit value, blanks stripped by systemd like any unquoted setting.
        new("systemd.extra.*", FieldType.Text, UnitSetting)
        {
            Values = m => m.Systemd.Extra.Select(d => new FieldValue(d.ModelPath, d.Value, UnitSetting)),
        },
        new("runit", FieldType.Section),
        Text("runit.serviceDir", FieldUse.UnitValue | FieldUse.Path, m => m.Runit.ServiceDir),
        Text("runit.logDir", FieldUse.UnitValue | FieldUse.Path, m => m.Runit.LogDir),
        new("processes", FieldType.Collection),
        new("processes.*.type", FieldType.Choice),
        new("processes.*.version", FieldType.Version),
        new("processes.*.command", FieldType.List),
        new("processes.*.config", FieldType.Text),
        new("processes.*.instances", FieldType.Number),
        new("processes.*.stopTimeout", FieldType.Number),
        new("processes.*.notify", FieldType.Flag),
        new("processes.*.watchdogSec", FieldType.Number),
        new("processes.*.roles", FieldType.List),
        new("deploy", FieldType.Section),
        new("deploy.health", FieldType.Section),
        // Written single-quoted into bin/NAME-restart (ShellWriter) and into a curl URL: no unit-file use.
        new("deploy.health.path", FieldType.Text),
        new("deploy.health.timeout", FieldType.Number),
        new("deploy.capistrano", FieldType.Section),
        new("deploy.capistrano.roles", FieldType.List),
        new("deploy.capistrano.rolling", FieldType.Section),
        new("deploy.capistrano.rolling.limit", FieldType.Number),
        new("deploy.capistrano.rolling.wait", FieldType.Number),
        new("deploy.capistrano.sudo", FieldType.Flag),
        new("deploy.capistrano.hook", FieldType.Text),
    ];

    /// <summary>Every text value of the model with the uses that apply to it, in table order.</summary>
    public static IEnumerable<FieldValue> ValuesOf(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return All.SelectMany(f => f.Values(model));
    }

    /// <summary>The keys of one mapping (<c>""</c>, <c>server</c>, <c>listen[]</c>, <c>processes.*</c>), in table order.</summary>
    public static ImmutableArray<string> KeysOf(string section) =>
        [.. All.Where(f => f.Section == section && f.Key != "*").Select(f => f.Key)];

    private static ModelField Text(string path, FieldUse uses, Func<ServiceModel, string?> read) =>
        new(path, FieldType.Text, uses)
        {
            Values = m => read(m) is { } value ? [new FieldValue(path, value, uses)] : [],
        };

    private static ModelField Items(string path, FieldUse uses, Func<ServiceModel, IEnumerable<string>> read) =>
        new(path, FieldType.List, uses)
        {
            Values = m => read(m).Select((value, i) => new FieldValue($"{path[..^2]}[{i}]", value, uses)),
        };

    /// <summary>
    /// StandardOutput=/StandardError=: the whole value is a unit setting, and the path of a <c>file:</c>
    /// target is a path systemd resolves (<see cref="SystemdOutputFile"/>).
    /// </summary>
    private static ModelField OutputTarget(string path, Func<ServiceModel, string?> read) =>
        new(path, FieldType.Text, UnitSetting | FieldUse.Path)
        {
            Values = m => read(m) is not { } value ? []
                : SystemdOutputFile.PathOf(value) is { } file ? [new FieldValue(path, value, UnitSetting), new FieldValue(path, file, FieldUse.Path)]
                : [new FieldValue(path, value, UnitSetting)],
        };
}
