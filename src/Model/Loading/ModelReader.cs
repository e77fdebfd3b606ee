using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using UnitGen.Model.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using Version = System.Version;

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

    public static LoadResult TooLarge(string file, long bytes)
    {
        var map = new SourceMap(file);
        var d = new Diagnostic(
            LoaderCodes.InputLimit,
            Severity.Error,
            bytes > ModelLoader.MaxBytes + 1
                ? $"The file has {bytes} bytes; a model is at most {ModelLoader.MaxBytes} bytes."
                : $"The file holds more than {ModelLoader.MaxBytes} bytes; a model is at most that.",
            "Point unitgen at the service's unitgen.yaml.",
            new SourceLocation(file, 1, 1));
        return new LoadResult(null, map, [d]);
    }

    /// <summary>A file that is not UTF-8 text: nothing of it is parsed.</summary>
    public static LoadResult NotText(string file, ModelText.Flaw flaw)
    {
        ArgumentNullException.ThrowIfNull(flaw);
        var reader = new ModelReader(file);
        reader.Error(LoaderCodes.Syntax, new Mark(0, flaw.Line, flaw.Column), $"YAML syntax: {flaw.Message}", "Save the file as UTF-8.");
        return reader.Result(null);
    }

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

    /// <summary>Rejects aliases and deep nesting from the event stream, before any node is built.</summary>
    private bool PreScan(string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var nodes = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        Error(LoaderCodes.InputLimit, alias.Start, $"YAML alias `*{alias.Value}` is not supported in a model.",
                            "Write the value out; models are small and anchors hide what a key really holds.");
                        return false;
                    case NodeEvent { Anchor.IsEmpty: false } node:
                        Error(LoaderCodes.InputLimit, node.Start, $"YAML anchor `&{node.Anchor.Value}` is not supported in a model.",
                            "Remove the anchor and write values out.");
                        return false;
                    case NodeEvent when ++nodes > ModelLoader.MaxNodes:
                        Error(LoaderCodes.InputLimit, parser.Current.Start, $"The YAML holds more than {ModelLoader.MaxNodes} values; a model is a page.",
                            "One model describes one service; split fleets into one file per service.");
                        return false;
                    case MappingStart or SequenceStart when ++depth > ModelLoader.MaxDepth:
                        Error(LoaderCodes.InputLimit, parser.Current.Start, $"The YAML nests deeper than {ModelLoader.MaxDepth} levels.",
                            "A model nests at most four levels; check the indentation.");
                        return false;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            Syntax(e, text);
            return false;
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName is "highSurrogate" or "lowSurrogate")
        {
            // YamlDotNet 16.3 combines a `\uD8xx` escape with the next `\u` escape without checking that
            // it is a low surrogate (Scanner.ScanFlowScalar), and throws this instead of a YamlException.
            Error(LoaderCodes.Syntax, parser.Current?.End ?? Mark.Empty,
                "YAML syntax: a `\\u` escape names a surrogate (U+D800–U+DFFF), which is not a Unicode character.",
                "Write the character itself, or its code point as one `\\U` escape (`\\U0001F600`).");
            return false;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet 16.3 throws this instead of a YamlException for some malformed flow
            // collections (`user: [deploy` followed by more keys); it carries no position, so report
            // the last event that parsed.
            Error(LoaderCodes.Syntax, parser.Current?.End ?? Mark.Empty, $"YAML syntax: the text after this point cannot be parsed ({e.Message})",
                "Check brackets and quotes from this position on.");
            return false;
        }

        return true;
    }

    private LoadResult Syntax(YamlException e, string text)
    {
        // YamlDotNet wraps the real reason ("Duplicate key") in an outer message with positions.
        var duplicate = e.Message.Contains("Duplicate key", StringComparison.Ordinal);
        var reason = duplicate ? "duplicate key: a key may appear once in a mapping." : Clean(e.Message);
        // YamlDotNet reports a scanner error from the start of the token; for a bad escape the
        // character to change is where the scanner stopped.
        var at = e.Message.Contains("unknown escape character", StringComparison.Ordinal) ? e.End : e.Start;
        // YamlDotNet 16.3 reports a tab in indentation at the start of the enclosing mapping
        // (often 1:1); point at the tab itself, which is what the user has to change.
        if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentationTab(text) is { } tab)
        {
            at = tab;
        }

        Error(LoaderCodes.Syntax, at, $"YAML syntax: {reason}",
            duplicate ? "Remove or merge the second occurrence." : "Fix the YAML at this position.");
        return Result(null);
    }

    private static Mark? FirstIndentationTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return new Mark(0, i + 1, tab + 1);
            }
        }

        return null;
    }

    private static string Clean(string message) => ParenPosition().Replace(message, string.Empty).Trim();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex ParenPosition();

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
            Ruby = Version(keys, "ruby", "server.ruby"),
            Yjit = Bool(keys, "yjit", "server.yjit"),
            Binds = !keys.TryGetValue("binds", out var binds) ? null
                : binds is YamlSequenceNode bindList && TooManySockets(bindList, "server.binds") ? [] : StringList(keys, "binds", "server.binds"),
        };
    }

    private ImmutableArray<string> ReadCommand(Dictionary<string, YamlNode> keys)
    {
        if (!keys.TryGetValue("command", out var node))
        {
            return [];
        }

        if (node is YamlScalarNode { Value: { } text })
        {
            Locate(node, "server.command");
            if (CommandLineSplitter.Split(text) is { IsEmpty: false } words)
            {
                return words;
            }

            Invalid("server.command", "The command is empty or has a quote that is not closed.",
                "Write the command as a list of words: `command: [bundle, exec, puma]`.");
            return [];
        }

        var list = StringList(keys, "command", "server.command");
        if (list.IsEmpty && node is YamlSequenceNode)
        {
            Invalid("server.command", "The command list is empty.", "Remove `command` to use the default, or list its words.");
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

    private bool TooManySockets(YamlSequenceNode list, string path)
    {
        if (list.Children.Count <= ModelLoader.MaxSockets)
        {
            return false;
        }

        Error(LoaderCodes.InputLimit, list.Children[ModelLoader.MaxSockets].Start,
            $"`{path}` lists {list.Children.Count} sockets; a model has at most {ModelLoader.MaxSockets}.",
            "One model describes one service; split fleets into one file per service.");
        return true;
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

    // ---- key tables -------------------------------------------------------------------------

    /// <summary>The mapping's children by key; unknown keys are errors with a "did you mean".</summary>
    private Dictionary<string, YamlNode> Keys(YamlMappingNode m, string path, ImmutableArray<string> known)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in m.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var keyPath = path.Length == 0 ? key : $"{path}.{key}";
            if (!known.Contains(key))
            {
                var where = path.Length == 0 ? "the model" : $"`{path}`";
                var suggestion = KeySuggestion.Closest(key, known);
                Error(LoaderCodes.UnknownKey, keyNode.Start, $"Unknown key `{key}` in {where}.",
                    suggestion is null ? $"Known keys: {string.Join(", ", known)}." : $"Did you mean `{suggestion}`?");
                continue;
            }

            Locate(keyNode, $"{keyPath}@key");
            Locate(value, keyPath);
            result[key] = value;
        }

        return result;
    }

    // ---- typed values -------------------------------------------------------------------------

    private string? RequiredString(YamlMappingNode m, Dictionary<string, YamlNode> keys, string key, string parent)
    {
        var path = parent.Length == 0 ? key : $"{parent}.{key}";
        return keys.ContainsKey(key) ? String(keys, key, path) ?? MissingKey<string>(m, path, $"{key}: <value>") : MissingKey<string>(m, path, $"{key}: <value>");
    }

    private string? String(Dictionary<string, YamlNode> keys, string key, string path)
    {
        if (!keys.TryGetValue(key, out var node) || IsNull(node))
        {
            return null;
        }

        return node is YamlScalarNode s ? s.Value : WrongType<string>(node, path, "a string");
    }

    private string? AbsolutePath(Dictionary<string, YamlNode> keys, string key, string path)
    {
        var value = String(keys, key, path);
        if (value is not null && !value.StartsWith('/'))
        {
            Invalid(path, $"`{value}` is not an absolute path: systemd and runit resolve nothing relative to a project.",
                "Write the full path, starting with `/`.");
        }

        return value;
    }

    private bool? Bool(Dictionary<string, YamlNode> keys, string key, string path)
    {
        if (!keys.TryGetValue(key, out var node) || IsNull(node))
        {
            return null;
        }

        return node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s
            ? s.Value == "true"
            : WrongType<bool?>(node, path, "`true` or `false`");
    }

    private int? Int(Dictionary<string, YamlNode> keys, string key, string path, int min, int max)
    {
        if (!keys.TryGetValue(key, out var node) || IsNull(node))
        {
            return null;
        }

        if (node is not YamlScalarNode { Style: ScalarStyle.Plain } s
            || !long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return WrongType<int?>(node, path, "a whole number");
        }

        if (value < min || value > max)
        {
            Invalid(path, $"{value} is out of range for `{key}`.", $"Use a number from {min} to {max}.");
            return null;
        }

        return (int)value;
    }

    private Version? Version(Dictionary<string, YamlNode> keys, string key, string path)
    {
        var text = String(keys, key, path);
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('.');
        if (parts.Length is < 1 or > 4 || !parts.All(p => p.Length is > 0 and < 6 && p.All(char.IsAsciiDigit)))
        {
            Invalid(path, $"`{text}` is not a version number.", "Write it quoted, like `\"5.6.5\"`.");
            return null;
        }

        var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).Concat([0, 0]).Take(Math.Max(3, parts.Length)).ToArray();
        return numbers.Length == 4 ? new Version(numbers[0], numbers[1], numbers[2], numbers[3]) : new Version(numbers[0], numbers[1], numbers[2]);
    }

    private ImmutableArray<string> StringList(Dictionary<string, YamlNode> keys, string key, string path)
    {
        if (!keys.TryGetValue(key, out var node) || IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode seq)
        {
            return WrongType<ImmutableArray<string>?>(node, path, "a list of strings") ?? [];
        }

        var result = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var child = seq.Children[i];
            Locate(child, $"{path}[{i}]");
            if (child is YamlScalarNode { Value: { } v })
            {
                result.Add(v);
            }
            else
            {
                WrongType(child, $"{path}[{i}]", "a string");
            }
        }

        return result.ToImmutable();
    }

    private T Enum<T>(Dictionary<string, YamlNode> keys, string key, string path, T fallback)
        where T : struct, System.Enum =>
        keys.TryGetValue(key, out var node) && !IsNull(node) ? EnumValue(node, path, fallback) ?? fallback : fallback;

    private T? EnumValue<T>(YamlNode node, string path, T fallback)
        where T : struct, System.Enum
    {
        _ = fallback;
        var allowed = System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        if (node is not YamlScalarNode { Value: { } text })
        {
            return WrongType<T?>(node, path, $"one of {string.Join(", ", allowed)}");
        }

        // Only the lower-case names: Enum.TryParse alone also takes numbers (`2` is kestrel), padded text
        // and comma lists of names, none of which the schema allows.
        if (allowed.Contains(text) && System.Enum.TryParse(text, ignoreCase: true, out T value))
        {
            return value;
        }

        var suggestion = KeySuggestion.Closest(text, allowed);
        Error(LoaderCodes.NotAllowed, node.Start, $"`{text}` is not allowed for `{path}`.",
            suggestion is null ? $"Use one of: {string.Join(", ", allowed)}." : $"Did you mean `{suggestion}`? Allowed: {string.Join(", ", allowed)}.");
        return null;
    }

    private YamlMappingNode? Mapping(YamlNode node, string path) =>
        node as YamlMappingNode ?? WrongType<YamlMappingNode>(node, path, "a mapping of keys");

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" or null };

    // ---- reporting ---------------------------------------------------------------------------

    private void Locate(YamlNode node, string path) => map.Add(path, (int)node.Start.Line, (int)node.Start.Column);

    private T? MissingKey<T>(YamlMappingNode parent, string path, string example)
    {
        var key = path[(path.LastIndexOf('.') + 1)..];
        Error(LoaderCodes.Missing, parent.Start, $"Required key `{key}` is missing.", $"Add `{example}`.");
        return default;
    }

    private ServerSpec? MissingKey(YamlMappingNode parent, string path, string example) => MissingKey<ServerSpec>(parent, path, example);

    private T? WrongType<T>(YamlNode node, string path, string expected)
    {
        WrongType(node, path, expected);
        return default;
    }

    private void WrongType(YamlNode node, string path, string expected)
    {
        var found = node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            YamlScalarNode { Style: not ScalarStyle.Plain } => "a quoted string",
            YamlScalarNode s => $"`{s.Value}`",
            _ => "something else",
        };
        Error(LoaderCodes.WrongType, node.Start, $"`{path}` must be {expected}, not {found}.", $"Write `{path}` as {expected}.");
    }

    private void Invalid(string path, string message, string fix) =>
        diagnostics.Add(new Diagnostic(LoaderCodes.InvalidValue, Severity.Error, message, fix, map.Resolve(path)));

    private void Error(string code, Mark at, string message, string fix) =>
        diagnostics.Add(new Diagnostic(code, Severity.Error, message, fix,
            new SourceLocation(map.File, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column))));

    [GeneratedRegex(@"^[a-z][a-z0-9_-]{0,63}\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^0?[0-7]{3}\z")]
    private static partial Regex ModePattern();
}
