using System.Collections.Immutable;
using System.Text.RegularExpressions;
using UnitGen.Model.Diagnostics;
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

        return Result(ReadRoot(root));
    }

    private LoadResult Result(ServiceModel? model) =>
        new(
            diagnostics.Any(d => d.IsError) ? null : model,
            map,
            [.. diagnostics.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column)]);

    private ServiceModel? ReadRoot(YamlMappingNode root)
    {
        var keys = Keys(root, string.Empty, ModelKeys.Root);
        var name = RequiredString(root, keys, "name", string.Empty);
        if (name is not null && !NamePattern().IsMatch(name))
        {
            Invalid("name", $"Service name `{name}` is not allowed: it names the unit and the runit directory.",
                "Use lower case letters, digits, `-` and `_`, starting with a letter, at most 64 characters.");
        }

        var user = RequiredString(root, keys, "user", string.Empty);
        var server = keys.TryGetValue("server", out var serverNode) ? ReadServer(serverNode) : MissingKey(root, "server", "server: { type: puma }");
        var model = name is null || user is null || server is null
            ? null
            : new ServiceModel
            {
                Name = name,
                User = user,
                Server = server,
                Description = String(keys, "description", "description"),
                AllowRoot = Bool(keys, "allowRoot", "allowRoot") ?? false,
                Group = String(keys, "group", "group"),
                Directory = AbsolutePath(keys, "directory", "directory"),
                Environment = ReadEnvironment(keys, "environment", "environment"),
                EnvFile = AbsolutePath(keys, "envFile", "envFile"),
                Listen = ReadListen(keys),
                Restart = Enum(keys, "restart", "restart", RestartStrategy.Normal),
                Supervisors = ReadSupervisors(keys),
                Systemd = keys.TryGetValue("systemd", out var s) ? ReadSystemd(s) : new SystemdSpec(),
                Runit = keys.TryGetValue("runit", out var r) ? ReadRunit(r) : new RunitSpec(),
                Processes = ReadProcesses(keys),
            };
        return model;
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

        var type = Enum(keys, "type", "server.type", ServerType.Command);
        // Only when the type was read as written: an unknown type is already reported (UG0004).
        if (typeNode is YamlScalarNode { Value: "kestrel" or "command" } && !keys.ContainsKey("command"))
        {
            // UnitGen derives the command only for puma and unicorn.
            return MissingKey(m, "server.command", type == ServerType.Kestrel ? "command: [/srv/app/App]" : "command: [/usr/bin/program, arg]");
        }

        return new ServerSpec
        {
            Type = type,
            Version = Version(keys, "version", "server.version"),
            Command = ReadCommand(keys),
            Bundler = Version(keys, "bundler", "server.bundler"),
            Config = AbsolutePath(keys, "config", "server.config"),
            Rackup = String(keys, "rackup", "server.rackup"),
            Environment = String(keys, "environment", "server.environment"),
            Workers = Int(keys, "workers", "server.workers", 0, 1024),
            Threads = ReadThreads(keys),
            Preload = Bool(keys, "preload", "server.preload"),
            ForkWorker = Bool(keys, "forkWorker", "server.forkWorker") ?? false,
            SdNotifyGem = Bool(keys, "sdNotifyGem", "server.sdNotifyGem") ?? false,
            Pidfile = AbsolutePath(keys, "pidfile", "server.pidfile"),
            Timeout = Int(keys, "timeout", "server.timeout", 1, 86400),
            UseSystemd = Bool(keys, "useSystemd", "server.useSystemd") ?? false,
            Binds = !keys.TryGetValue("binds", out var binds) ? null
                : binds is YamlSequenceNode bindList && TooManySockets(bindList, "server.binds") ? [] : StringList(keys, "binds", "server.binds"),
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
        var min = Int(t, "min", "server.threads.min", 0, 4096);
        var max = Int(t, "max", "server.threads.max", 1, 4096);
        if (min is null || max is null)
        {
            if (!t.ContainsKey("min") || !t.ContainsKey("max"))
            {
                Error(LoaderCodes.Missing, m.Start, "`threads` needs both `min` and `max`.", "Write `threads: { min: 5, max: 5 }`.");
            }

            return null;
        }

        if (min > max)
        {
            Invalid("server.threads.min", $"threads min {min} is above max {max}.", "Make `min` at most `max`.");
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

        if (TooManySockets(seq, "listen"))
        {
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
                    if (Address(scalar, path) is { } a)
                    {
                        result.Add(new Listener(a));
                    }

                    break;
                case YamlMappingNode m:
                    var k = Keys(m, path, ModelKeys.Listener);
                    if (!k.TryGetValue("uri", out var uriNode))
                    {
                        MissingKey(m, $"{path}.uri", "uri: unix:///run/<name>/puma.sock");
                        break;
                    }

                    var address = uriNode is YamlScalarNode s ? Address(s, $"{path}.uri") : WrongType<ListenAddress>(uriNode, $"{path}.uri", "a socket URI");
                    var mode = String(k, "mode", $"{path}.mode");
                    if (mode is not null && !ModePattern().IsMatch(mode))
                    {
                        Invalid($"{path}.mode", $"Socket mode `{mode}` is not an octal file mode.", "Write it quoted, as four octal digits: `mode: \"0660\"`.");
                    }

                    if (address is not null)
                    {
                        result.Add(new Listener(address) { Mode = mode, Group = String(k, "group", $"{path}.group") });
                    }

                    break;
                default:
                    WrongType(item, path, "a socket URI or a mapping with `uri`");
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
            case TcpAddress { Port: < 1 or > 65535 } tcp:
                Invalid(path, $"Port {tcp.Port} is out of range.", "Use a port from 1 to 65535.");
                return null;
            case UnixAddress { Path.Length: 0 }:
                Invalid(path, "The unix socket path is empty.", "Write `unix:///run/<name>/app.sock`.");
                return null;
            default:
                return address;
        }
    }

    private ImmutableArray<Supervisor> ReadSupervisors(Dictionary<string, YamlNode> keys)
    {
        if (!keys.TryGetValue("supervisor", out var node))
        {
            return [Supervisor.Systemd];
        }

        var items = node is YamlSequenceNode seq ? seq.Children.Select((c, i) => (c, $"supervisor[{i}]")).ToList() : [(node, "supervisor")];
        Locate(node, "supervisor");
        var result = new List<Supervisor>();
        foreach (var (child, path) in items)
        {
            if (EnumValue(child, path, Supervisor.Systemd) is { } s && !result.Contains(s))
            {
                result.Add(s);
            }
        }

        if (result.Count == 0 && node is YamlSequenceNode)
        {
            Invalid("supervisor", "The supervisor list is empty.", "Write `supervisor: systemd`, `runit` or `[systemd, runit]`.");
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
            WatchdogSec = Int(k, "watchdogSec", "systemd.watchdogSec", 1, 86400),
            Hardening = Enum(k, "hardening", "systemd.hardening", HardeningProfile.Default),
            Stdout = String(k, "stdout", "systemd.stdout"),
            Stderr = String(k, "stderr", "systemd.stderr"),
            After = StringList(k, "after", "systemd.after"),
            Wants = StringList(k, "wants", "systemd.wants"),
        };
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
            ServiceDir = AbsolutePath(k, "serviceDir", "runit.serviceDir") ?? new RunitSpec().ServiceDir,
            LogDir = AbsolutePath(k, "logDir", "runit.logDir"),
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

    [GeneratedRegex(@"^[a-z][a-z0-9_-]{0,63}\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^0?[0-7]{3}\z")]
    private static partial Regex ModePattern();
}
