using System.Collections.Immutable;
using System.Globalization;
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
        Value("name", FieldType.Text, m => m.Name),
        Text("description", UnitSetting, m => m.Description),
        Text("user", UnitSetting, m => m.User),
        Value("allowRoot", FieldType.Flag, m => m.AllowRoot ? true : null),
        Text("group", UnitSetting, m => m.Group),
        Text("directory", UnitSetting | FieldUse.Path, m => m.Directory),
        new("environment", FieldType.Collection)
        {
            Items = m => m.Environment.Select(v => KeyValuePair.Create(v.Name, (object)v)),
        },
        new("environment.*", FieldType.Text, FieldUse.EnvironmentEntry)
        {
            Values = m => m.Environment.Select(v => new FieldValue($"environment.{v.Name}", $"{v.Name}={v.Value}", FieldUse.EnvironmentEntry)),
            Read = On<EnvironmentVariable>(v => v.Value),
        },
        Text("envFile", UnitSetting | FieldUse.Path, m => m.EnvFile),
        new("server", FieldType.Section),
        Value("server.type", FieldType.Choice, m => m.Server.Type),
        Value("server.version", FieldType.Version, m => m.Server.Version?.ToString()),
        new("server.command", FieldType.List, FieldUse.ExecWord | FieldUse.Path | FieldUse.Program)
        {
            Values = m => ExecWords("server.command", m.Server.Command),
            Read = On<ServiceModel>(m => m.Server.Command),
        },
        Value("server.bundler", FieldType.Version, m => m.Server.Bundler?.ToString()),
        Text("server.config", FieldUse.UnitValue | FieldUse.Path, m => m.Server.Config),
        // unicorn's derived command line ends in the rackup file: `unicorn -c CONFIG RACKUP`.
        Text("server.rackup", FieldUse.UnitValue | FieldUse.Argument, m => m.Server.Rackup),
        Text("server.environment", FieldUse.UnitValue, m => m.Server.Environment),
        Value("server.workers", FieldType.Number, m => m.Server.Workers),
        new("server.threads", FieldType.Section),
        Value("server.threads.min", FieldType.Number, m => m.Server.Threads?.Min),
        Value("server.threads.max", FieldType.Number, m => m.Server.Threads?.Max),
        Value("server.preload", FieldType.Flag, m => m.Server.Preload),
        Value("server.forkWorker", FieldType.Flag, m => m.Server.ForkWorker ? true : null),
        Value("server.sdNotifyGem", FieldType.Flag, m => m.Server.SdNotifyGem ? true : null),
        Value("server.pruneBundler", FieldType.Flag, m => m.Server.PruneBundler ? true : null),
        Text("server.pidfile", FieldUse.UnitValue | FieldUse.Path, m => m.Server.Pidfile),
        Value("server.timeout", FieldType.Number, m => m.Server.Timeout),
        Value("server.useSystemd", FieldType.Flag, m => m.Server.UseSystemd ? true : null),
        Value("server.localConfig", FieldType.Flag, m => m.Server.LocalConfig),
        Items("server.binds[]", FieldUse.UnitValue, m => m.Server.Binds ?? []),
        Value("server.ruby", FieldType.Version, m => m.Server.Ruby?.ToString()),
        Value("server.yjit", FieldType.Flag, m => m.Server.Yjit),
        new("listen", FieldType.Collection)
        {
            Items = m => m.Listen.Select((l, i) => KeyValuePair.Create(i.ToString(CultureInfo.InvariantCulture), (object)l)),
        },
        new("listen[].uri", FieldType.Text, UnitSetting | FieldUse.Path | FieldUse.UnixSocket)
        {
            // A TCP address is written as systemd prints it; only a unix path is taken as written.
            Values = m => m.Listen.Select((l, i) => new FieldValue($"listen[{i}].uri", l.Address.ListenStream,
                l.Address is UnixAddress ? UnitSetting | FieldUse.Path | FieldUse.UnixSocket : FieldUse.UnitValue)),
            // In unitgen.yaml a port alone stays a port; every other address is written as its URI.
            Read = On<Listener>(l => l.Address is TcpAddress { IsPortOnly: true } bare
                ? bare.Port.ToString(CultureInfo.InvariantCulture) : l.Address.PumaBind),
        },
        new("listen[].mode", FieldType.Text, UnitSetting)
        {
            Values = m => m.Listen.Select((l, i) => (Path: $"listen[{i}].mode", l.Mode)).Where(v => v.Mode is not null)
                .Select(v => new FieldValue(v.Path, v.Mode!, UnitSetting)),
            Read = On<Listener>(l => l.Mode),
        },
        new("listen[].group", FieldType.Text, UnitSetting)
        {
            Values = m => m.Listen.Select((l, i) => (Path: $"listen[{i}].group", l.Group)).Where(v => v.Group is not null)
                .Select(v => new FieldValue(v.Path, v.Group!, UnitSetting)),
            Read = On<Listener>(l => l.Group),
        },
        Value("restart", FieldType.Choice, m => m.Restart),
        Value("supervisor", FieldType.List, m => m.Supervisors.SequenceEqual([Supervisor.Systemd]) ? null : m.Supervisors),
        new("systemd", FieldType.Section),
        // Written as the model resolves it (absent: on when there are listen entries), so an import says which.
        Value("systemd.socketActivation", FieldType.Flag, m => m.SocketActivation),
        Value("systemd.notify", FieldType.Flag, m => m.Systemd.Notify ? true : null),
        Value("systemd.watchdogSec", FieldType.Number, m => m.Systemd.WatchdogSec),
        Value("systemd.hardening", FieldType.Choice, m => m.Systemd.Hardening == HardeningProfile.Default ? null : m.Systemd.Hardening),
        OutputTarget("systemd.stdout", m => m.Systemd.Stdout),
        OutputTarget("systemd.stderr", m => m.Systemd.Stderr),
        Items("systemd.after[]", FieldUse.UnitValue, m => m.Systemd.After),
        Items("systemd.wants[]", FieldUse.UnitValue, m => m.Systemd.Wants),
        Items("systemd.readWritePaths[]", FieldUse.UnitValue | FieldUse.Path, m => m.Systemd.ReadWritePaths),
        new("systemd.extra", FieldType.Collection)
        {
            Items = m => m.Systemd.Extra.GroupBy(d => d.Section, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, (object)g)),
        },
        // Written as given after `Key=`: a plain unit value, blanks stripped by systemd like any unquoted setting.
        new("systemd.extra.*", FieldType.Text, UnitSetting)
        {
            Values = m => m.Systemd.Extra.Select(d => new FieldValue(d.ModelPath, d.Value, UnitSetting)),
            // Each item is one section: its directives, key to value.
            Read = On<IEnumerable<SystemdDirective>>(section => section.Select(d => KeyValuePair.Create(d.Key, d.Value)).ToList()),
        },
        Value("systemd.scope", FieldType.Choice, m => m.Systemd.Scope == SystemdScope.System ? null : m.Systemd.Scope),
        new("runit", FieldType.Section),
        Text("runit.serviceDir", FieldUse.UnitValue | FieldUse.Path, m => m.Runit.ServiceDir, unless: new RunitSpec().ServiceDir),
        Text("runit.logDir", FieldUse.UnitValue | FieldUse.Path, m => m.Runit.LogDir),
        new("processes", FieldType.Collection)
        {
            Items = m => m.Processes.Select(p => KeyValuePair.Create(p.Name, (object)p)),
        },
        Process("processes.*.type", FieldType.Choice, p => p.Type),
        Process("processes.*.version", FieldType.Version, p => p.Version?.ToString()),
        // A worker's command is its unit's ExecStart (and its runit run script's exec), word by word like the server's.
        new("processes.*.command", FieldType.List, FieldUse.ExecWord | FieldUse.Path | FieldUse.Program)
        {
            Values = m => m.Processes.SelectMany(p => ExecWords($"processes.{p.Name}.command", p.Command)),
            Read = On<ProcessSpec>(p => p.Command),
        },
        // Passed as one word of the derived command (`sidekiq -C CONFIG`), a file the worker opens.
        new("processes.*.config", FieldType.Text, FieldUse.ExecWord | FieldUse.Path | FieldUse.Argument)
        {
            Values = m => m.Processes.Where(p => p.Config is not null)
                .Select(p => new FieldValue($"processes.{p.Name}.config", p.Config!, FieldUse.ExecWord | FieldUse.Path | FieldUse.Argument)),
            Read = On<ProcessSpec>(p => p.Config),
        },
        Process("processes.*.instances", FieldType.Number, p => p.Instances == 1 ? null : p.Instances),
        Process("processes.*.stopTimeout", FieldType.Number, p => p.StopTimeout),
        Process("processes.*.notify", FieldType.Flag, p => p.Notify ? true : null),
        Process("processes.*.watchdogSec", FieldType.Number, p => p.WatchdogSec),
        Process("processes.*.roles", FieldType.List, p => p.Roles),
        // deploy: its values go only into bin/NAME-restart (ShellWriter), capistrano/NAME.rake (RubyWriter) and a
        // curl URL, each refused whole by its form rule (UG1001-UG1003) first: no unit-file use.
        new("deploy", FieldType.Section),
        new("deploy.health", FieldType.Section),
        Value("deploy.health.path", FieldType.Text, m => m.Deploy?.Health.Path),
        Value("deploy.health.timeout", FieldType.Number, m => m.Deploy?.Health.Timeout is { } t && t != HealthCheckSpec.DefaultTimeoutSeconds ? t : null),
        new("deploy.capistrano", FieldType.Section),
        Value("deploy.capistrano.roles", FieldType.List, m => m.Deploy?.Capistrano?.Roles.ToList()),
        new("deploy.capistrano.rolling", FieldType.Section),
        Value("deploy.capistrano.rolling.limit", FieldType.Number, m => m.Deploy?.Capistrano?.Rolling.Limit),
        Value("deploy.capistrano.rolling.wait", FieldType.Number, m => m.Deploy?.Capistrano?.Rolling.Wait),
        Value("deploy.capistrano.sudo", FieldType.Flag, m => m.Deploy?.Capistrano?.Sudo == true ? true : null),
        Value("deploy.capistrano.hook", FieldType.Text, m => m.Deploy?.Capistrano?.Hook),
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

    /// <summary>A key of the model without text uses: its value only.</summary>
    private static ModelField Value(string path, FieldType type, Func<ServiceModel, object?> read) =>
        new(path, type) { Read = On(read) };

    /// <summary>A key of each entry of <c>processes:</c>, read from the entry.</summary>
    private static ModelField Process(string path, FieldType type, Func<ProcessSpec, object?> read) =>
        new(path, type) { Read = On(read) };

    /// <summary>A text key; <paramref name="unless"/> is a default the writer leaves out.</summary>
    private static ModelField Text(string path, FieldUse uses, Func<ServiceModel, string?> read, string? unless = null) =>
        new(path, FieldType.Text, uses)
        {
            Values = m => read(m) is { } value ? [new FieldValue(path, value, uses)] : [],
            Read = On<ServiceModel>(m => read(m) is { } value && value != unless ? value : null),
        };

    private static ModelField Items(string path, FieldUse uses, Func<ServiceModel, IEnumerable<string>> read) =>
        new(path, FieldType.List, uses)
        {
            Values = m => read(m).Select((value, i) => new FieldValue($"{path[..^2]}[{i}]", value, uses)),
            Read = On<ServiceModel>(m => read(m).ToList()),
        };

    /// <summary>The words of a command: each an exec word, the first also a program path when it is absolute.</summary>
    private static IEnumerable<FieldValue> ExecWords(string path, IEnumerable<string> command) =>
        command.Select((word, i) => new FieldValue(path, word,
            // Only an absolute program is a path systemd resolves; a bare name is looked up in PATH.
            i == 0 && word.StartsWith('/') ? FieldUse.ExecWord | FieldUse.Path | FieldUse.Program : FieldUse.ExecWord));

    private static Func<object, object?> On<T>(Func<T, object?> read) => owner => read((T)owner);

    /// <summary>
    /// StandardOutput=/StandardError=: the whole value is a unit setting, and the path of a <c>file:</c>
    /// target is a path systemd resolves (<see cref="SystemdOutputFile"/>).
    /// </summary>
    private static ModelField OutputTarget(string path, Func<ServiceModel, string?> read) =>
        new(path, FieldType.Text, UnitSetting | FieldUse.Path)
        {
            Read = On(read),
            Values = m => read(m) is not { } value ? []
                : SystemdOutputFile.PathOf(value) is { } file ? [new FieldValue(path, value, UnitSetting), new FieldValue(path, file, FieldUse.Path)]
                : [new FieldValue(path, value, UnitSetting)],
        };
}
