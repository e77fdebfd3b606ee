using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace UnitGen.Model.Loading;

/// <summary>
/// One read of one file. Works on YamlDotNet's node model, not reflection deserialization, so every
/// value keeps its line and column and every problem is reported at its node; reading goes on after
/// a bad value so that one run shows all of them.
/// </summary>
internal sealed partial class ModelReader
{
    private readonly SourceMap map;
    private readonly List<Diagnostic> diagnostics = [];

    /// <summary>Model paths of values reported here; the value checks do not judge their stand-ins again.</summary>
    private readonly HashSet<string> refused = new(StringComparer.Ordinal);

    public ModelReader(string file) => map = new SourceMap(file);

    public LoadResult Read(string text)
    {
        if (text.Length > ModelLoader.MaxBytes)
        {
            return TooLarge(map.File, text.Length);
        }

        if (ModelText.FirstNonPrintable(text) is { } flaw)
        {
            Error(LoaderCodes.Syntax, new Mark(0, flaw.Line, flaw.Column), $"YAML syntax: {flaw.Message}",
                "Remove the character.");
            return Result(null);
        }

        if (!PreScan(text))
        {
            return Result(null);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return Syntax(e, text);
        }

        if (stream.Documents.Count != 1)
        {
            Error(LoaderCodes.Missing, stream.Documents.Count == 0 ? Mark.Empty : stream.Documents[1].RootNode.Start, stream.Documents.Count == 0
                ? "The file is empty." : "The file holds more than one YAML document.",
                "Write one model per file, starting with `name:`.");
            return Result(null);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(LoaderCodes.WrongType, stream.Documents[0].RootNode.Start,
                "The model must be a mapping of keys (`name: …`, `server: …`).", "Start the file with `name: <service>`.");
            return Result(null);
        }

        var model = ReadRoot(root);
        CheckValues(model);
        return Result(model.Complete ? model.Model : null);
    }

    private LoadResult Result(ServiceModel? model) =>
        new(
            diagnostics.Any(d => d.IsError) ? null : model,
            map,
            [.. diagnostics.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column)]);

    /// <summary>
    /// The value checks are rules over the model (<see cref="Validator.CheckValues"/>), run here on what
    /// was read so that a file shows its value errors together with its YAML errors, each at its node.
    /// A value the reader refused or never saw (a stand-in for a missing key) is not judged again.
    /// </summary>
    private void CheckValues((ServiceModel Model, bool Complete) read) =>
        diagnostics.AddRange(Validator.CheckValues(read.Model, map)
            .Where(d => d.Path is { } path && !refused.Contains(path) && d.Location.Line > 0));

    /// <summary>
    /// The model as read. When a required key is missing the rest of the root is not read, and the
    /// model holds stand-ins (never a valid model: the missing key is already an error).
    /// </summary>
    private (ServiceModel Model, bool Complete) ReadRoot(YamlMappingNode root)
    {
        var keys = Keys(root, string.Empty, ModelKeys.Root);
        var name = RequiredString(root, keys, "name", string.Empty);
        var user = RequiredString(root, keys, "user", string.Empty);
        var server = keys.TryGetValue("server", out var serverNode) ? ReadServer(serverNode) : MissingKey(root, "server", "server: { type: puma }");
        if (name is null || user is null || server is null)
        {
            return (new ServiceModel { Name = name ?? string.Empty, User = user ?? string.Empty, Server = server ?? new ServerSpec { Type = ServerType.Puma } }, false);
        }

        var model = new ServiceModel
            {
                Name = name,
                User = user,
                Server = server,
                Description = String(keys, "description", "description"),
                AllowRoot = Bool(keys, "allowRoot", "allowRoot") ?? false,
                Group = String(keys, "group", "group"),
                Directory = String(keys, "directory", "directory"),
                Environment = ReadEnvironment(keys, "environment", "environment"),
                EnvFile = String(keys, "envFile", "envFile"),
                Listen = ReadListen(keys),
                Restart = Enum(keys, "restart", "restart", RestartStrategy.Normal),
                Supervisors = ReadSupervisors(keys),
                Systemd = keys.TryGetValue("systemd", out var s) ? ReadSystemd(s) : new SystemdSpec(),
                Runit = keys.TryGetValue("runit", out var r) ? ReadRunit(r) : new RunitSpec(),
                Processes = ReadProcesses(keys),
                Deploy = keys.TryGetValue("deploy", out var d) ? ReadDeploy(d) : null,
            };
        return (model, true);
    }

    private ServerSpec? ReadServer(YamlNode node)
    {
        if (Mapping(node, "server") is not { } m)
        {
            return null;
        }

        var keys = Keys(m, "server", ModelKeys.Server);
        if (!keys.TryGetValue("type", out var typeNode))
        {
            return MissingKey(m, "server.type", "type: puma");
        }

        // An unknown type is reported (UG0004); puma stands in, as it needs no `command`.
        _ = typeNode;
        var type = Enum(keys, "type", "server.type", ServerType.Puma);
        return new ServerSpec
        {
            Type = type,
            Version = Version(keys, "version", "server.version"),
            Command = ReadCommand(keys),
            Bundler = Version(keys, "bundler", "server.bundler"),
            Config = String(keys, "config", "server.config"),
            Rackup = String(keys, "rackup", "server.rackup"),
            Environment = String(keys, "environment", "server.environment"),
            Workers = Int(keys, "workers", "server.workers"),
            Threads = ReadThreads(keys),
            Preload = Bool(keys, "preload", "server.preload"),
            ForkWorker = Bool(keys, "forkWorker", "server.forkWorker") ?? false,
            SdNotifyGem = Bool(keys, "sdNotifyGem", "server.sdNotifyGem") ?? false,
            Pidfile = String(keys, "pidfile", "server.pidfile"),
            Timeout = Int(keys, "timeout", "server.timeout"),
            UseSystemd = Bool(keys, "useSystemd", "server.useSystemd") ?? false,
            LocalConfig = Bool(keys, "localConfig", "server.localConfig"),
            PruneBundler = Bool(keys, "pruneBundler", "server.pruneBundler") ?? false,
            Ruby = Version(keys, "ruby", "server.ruby"),
            Yjit = Bool(keys, "yjit", "server.yjit"),
            Binds = keys.ContainsKey("binds") ? StringList(keys, "binds", "server.binds") : null,
        };
    }

    private ImmutableArray<string> ReadCommand(Dictionary<string, YamlNode> keys, string path = "server.command")
    {
        if (!keys.TryGetValue("command", out var node))
        {
            return [];
        }

        if (node is YamlScalarNode { Value: { } text })
        {
            Locate(node, path);
            if (CommandLineSplitter.Split(text) is { IsEmpty: false } words)
            {
                return words;
            }

            Invalid(path, "The command is empty or has a quote that is not closed.",
                "Write the command as a list of words: `command: [bundle, exec, puma]`.");
            return [];
        }

        var list = StringList(keys, "command", path);
        if (list.IsEmpty && node is YamlSequenceNode)
        {
            Invalid(path, "The command list is empty.", "Remove `command` to use the default, or list its words.");
        }

        return list;
    }

    private ThreadRange? ReadThreads(Dictionary<string, YamlNode> keys)
    {
        if (!keys.TryGetValue("threads", out var node) || Mapping(node, "server.threads") is not { } m)
        {
            return null;
        }

        var t = Keys(m, "server.threads", ModelKeys.Threads);
        var min = Int(t, "min", "server.threads.min");
        var max = Int(t, "max", "server.threads.max");
        if (min is null || max is null)
        {
            if (!t.ContainsKey("min") || !t.ContainsKey("max"))
            {
                Error(LoaderCodes.Missing, m.Start, "`threads` needs both `min` and `max`.", "Write `threads: { min: 5, max: 5 }`.");
            }

            return null;
        }

        return new ThreadRange(min.Value, max.Value);
    }

    private ImmutableArray<Listener> ReadListen(Dictionary<string, YamlNode> keys)
    {
        if (!keys.TryGetValue("listen", out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode seq)
        {
            WrongType(node, "listen", "a list of sockets (`- tcp://127.0.0.1:9292`)");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<Listener>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var path = $"listen[{i}]";
            var item = seq.Children[i];
            Locate(item, path);
            switch (item)
            {
                case YamlScalarNode scalar:
                    result.Add(new Listener(Address(scalar, path) ?? Refused));
                    break;
                case YamlMappingNode m:
                    var k = Keys(m, path, ModelKeys.Listener);
                    if (!k.TryGetValue("uri", out var uriNode))
                    {
                        MissingKey(m, $"{path}.uri", "uri: unix:///run/<name>/puma.sock");
                        result.Add(new Listener(Refused));
                        break;
                    }

                    var address = uriNode is YamlScalarNode s ? Address(s, $"{path}.uri") : WrongType<ListenAddress>(uriNode, $"{path}.uri", "a socket URI");
                    var mode = String(k, "mode", $"{path}.mode");
                    result.Add(address is null
                        ? new Listener(Refused) { Mode = mode }
                        : new Listener(address) { Mode = mode, Group = String(k, "group", $"{path}.group") });
                    break;
                default:
                    WrongType(item, path, "a socket URI or a mapping with `uri`");
                    result.Add(new Listener(Refused));
                    break;
            }
        }

        return result.ToImmutable();
    }

    private ListenAddress? Address(YamlScalarNode node, string path)
    {
        Locate(node, path);
        var text = node.Value ?? string.Empty;
        var address = ListenAddress.Parse(text);
        switch (address)
        {
            case null:
                Invalid(path, $"`{text}` is not a socket address.",
                    "Write `tcp://ADDRESS:PORT` (IPv6 in brackets), `unix:///absolute/path.sock` or a bare port.");
                return null;
            default:
                return address;
        }
    }

    /// <summary>
    /// Stands in for a listener the reader refused, so that the next ones keep their index (and their
    /// position) for the value checks; a model holding it is never returned.
    /// </summary>
    private static readonly ListenAddress Refused = new TcpAddress(null, 1);

    private ImmutableArray<Supervisor> ReadSupervisors(Dictionary<string, YamlNode> keys)
    {
        if (!keys.TryGetValue("supervisor", out var node))
        {
            return [Supervisor.Systemd];
        }

        if (node is not YamlSequenceNode seq)
        {
            // One supervisor written as a scalar; an unknown one is reported (UG0004) and systemd stands in.
            return [EnumValue(node, "supervisor", Supervisor.Systemd) ?? Supervisor.Systemd];
        }

        var items = seq.Children.Select((c, i) => (c, $"supervisor[{i}]")).ToList();
        Locate(node, "supervisor");
        var result = new List<Supervisor>();
        foreach (var (child, path) in items)
        {
            if (EnumValue(child, path, Supervisor.Systemd) is { } s && !result.Contains(s))
            {
                result.Add(s);
            }
        }

        return [.. result];
    }

    private SystemdSpec ReadSystemd(YamlNode node)
    {
        if (Mapping(node, "systemd") is not { } m)
        {
            return new SystemdSpec();
        }

        var k = Keys(m, "systemd", ModelKeys.Systemd);
        return new SystemdSpec
        {
            SocketActivation = Bool(k, "socketActivation", "systemd.socketActivation"),
            Notify = Bool(k, "notify", "systemd.notify") ?? false,
            WatchdogSec = Int(k, "watchdogSec", "systemd.watchdogSec"),
            Hardening = Enum(k, "hardening", "systemd.hardening", HardeningProfile.Default),
            Stdout = String(k, "stdout", "systemd.stdout"),
            Stderr = String(k, "stderr", "systemd.stderr"),
            After = StringList(k, "after", "systemd.after"),
            Wants = StringList(k, "wants", "systemd.wants"),
            ReadWritePaths = StringList(k, "readWritePaths", "systemd.readWritePaths"),
            Extra = ReadExtra(k),
            Scope = Enum(k, "scope", "systemd.scope", SystemdScope.System),
        };
    }

    /// <summary>
    /// <c>systemd.extra</c>: section → key → scalar. Shape only; whether systemd knows the key and whether
    /// UnitGen generates it are rules (UG0730, UG0731).
    /// </summary>
    private ImmutableArray<SystemdDirective> ReadExtra(Dictionary<string, YamlNode> keys)
    {
        if (!keys.TryGetValue("extra", out var node) || Mapping(node, "systemd.extra") is not { } sections)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<SystemdDirective>();
        foreach (var (sectionKey, sectionNode) in sections.Children)
        {
            if (sectionKey is not YamlScalarNode { Value: { } section })
            {
                WrongType(sectionKey, "systemd.extra", "a section name (Unit, Service, Install, Socket)");
                continue;
            }

            Locate(sectionKey, $"systemd.extra.{section}@key");
            Locate(sectionKey, $"systemd.extra.{section}");
            if (Mapping(sectionNode, $"systemd.extra.{section}") is not { } directives)
            {
                continue;
            }

            foreach (var (directiveKey, value) in directives.Children)
            {
                if (directiveKey is not YamlScalarNode { Value: { } name })
                {
                    WrongType(directiveKey, $"systemd.extra.{section}", "a directive name");
                    continue;
                }

                var path = $"systemd.extra.{section}.{name}";
                Locate(directiveKey, $"{path}@key");
                if (value is not YamlScalarNode scalar)
                {
                    WrongType(value, path, "one value (quote it)");
                    continue;
                }

                Locate(value, path);
                result.Add(new SystemdDirective(section, name, scalar.Value ?? string.Empty));
            }
        }

        return result.ToImmutable();
    }

    private RunitSpec ReadRunit(YamlNode node)
    {
        if (Mapping(node, "runit") is not { } m)
        {
            return new RunitSpec();
        }

        var k = Keys(m, "runit", ModelKeys.Runit);
        return new RunitSpec
        {
            ServiceDir = String(k, "serviceDir", "runit.serviceDir") ?? new RunitSpec().ServiceDir,
            LogDir = String(k, "logDir", "runit.logDir"),
        };
    }

    private ImmutableArray<EnvironmentVariable> ReadEnvironment(Dictionary<string, YamlNode> keys, string key, string path)
    {
        if (!keys.TryGetValue(key, out var node))
        {
            return [];
        }

        if (Mapping(node, path) is not { } m)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<EnvironmentVariable>();
        foreach (var (k, v) in m.Children)
        {
            if (k is not YamlScalarNode { Value: { } name })
            {
                WrongType(k, path, "a variable name");
                continue;
            }

            var varPath = $"{path}.{name}";
            Locate(k, $"{varPath}@key");
            if (v is not YamlScalarNode scalar)
            {
                WrongType(v, varPath, "a string value (quote it)");
                continue;
            }

            Locate(v, varPath);
            result.Add(new EnvironmentVariable(name, scalar.Value ?? string.Empty));
        }

        return result.ToImmutable();
    }
}
