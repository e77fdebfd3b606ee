using System.Collections.Immutable;
using System.Globalization;
using UnitGen.Formats.EnvironmentFiles;
using UnitGen.Formats.Ruby;
using UnitGen.Formats.Systemd;
using UnitGen.Lint.Import;
using UnitGen.Model;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Servers;

namespace UnitGen.Lint;

/// <summary>One service as lint sees it: the model read from its files, and where each value came from.</summary>
internal sealed record LintedService(ServiceModel Model, SourceMap Map, ImmutableArray<LintFile> Files)
{
    /// <summary>
    /// The file the model was read from: the .service, or — for a partial model — the runit run script, or the
    /// puma.rb/unicorn.rb that nothing given starts.
    /// </summary>
    public LintFile Service => Files[0];

    /// <summary>Read from a systemd .service (its unit rules apply); false for a run script or an app config alone.</summary>
    public bool IsSystemd => Service.Kind == LintFileKind.Service;

    /// <summary>Where the start command's words are, for a run script: each word with its line and column.</summary>
    public IReadOnlyList<ScriptWord> ScriptWords { get; init; } = [];

    public LintFile? Socket => Files.FirstOrDefault(f => f.Kind == LintFileKind.Socket);

    public LintFile? AppConfig => Files.FirstOrDefault(f => f.IsAppConfig);

    /// <summary>
    /// A unit of a user's service manager (<c>systemctl --user</c>): under <c>~/.config/systemd/user</c> or
    /// another systemd/user folder, or wanted by <c>default.target</c>, the user manager's start target
    /// (systemd.special(7)). It runs as that user, never as root by omission.
    /// </summary>
    public bool UserScope { get; init; }

    /// <summary>The versions lint took, and from where.</summary>
    public LockedVersions Versions { get; init; } = LockedVersions.None;

    /// <summary>ExecStart's words with a shell's <c>-c</c> script split into words too: what the server is started with.</summary>
    public ImmutableArray<string> StartWords { get; init; } = [];
}

/// <summary>
/// Pairs hand-written files into services and reads each group into a partial <see cref="ServiceModel"/>,
/// so lint runs the same rules as validate. Files given together pair whatever folder they sit in:
/// service ↔ socket by unit name, <c>Service=</c>, <c>Sockets=</c> or a unit dependency naming it; app
/// config by ExecStart's <c>-C</c>/<c>-c</c> (also inside <c>sh -c '…'</c>; by full path, then by the path's
/// tail, then by file name; else the only one given); env file by EnvironmentFile=, else the only one.
/// Versions come from <c>--puma-version</c>/<c>--bundler-version</c>, then a Gemfile.lock, then a
/// "Made for:" header; what none states stays unknown and the rules stay conservative.
/// </summary>
internal static class LintModelBuilder
{
    public static ImmutableArray<LintedService> Build(IReadOnlyList<LintFile> files) => Build(files, LockedVersions.None);

    public static ImmutableArray<LintedService> Build(IReadOnlyList<LintFile> files, LockedVersions flags)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(flags);
        var locked = files.Where(f => f.Kind == LintFileKind.GemfileLock)
            .Aggregate(LockedVersions.None, (v, f) => v.With(GemfileLockReader.Parse(f.Text, Path.GetFileName(f.Path))));
        var services = files.Where(f => f.Kind == LintFileKind.Service).ToList();
        var appConfigs = files.Where(f => f.IsAppConfig).ToList();
        var envFiles = files.Where(f => f.Kind == LintFileKind.EnvironmentFile).ToList();
        // An app config a service names with -C/-c is that service's: another service that names none does not take it as "the only one".
        var named = services.Select(s => Named(appConfigs, s)).OfType<LintFile>().ToHashSet();
        var result = ImmutableArray.CreateBuilder<LintedService>();
        foreach (var service in services)
        {
            var name = UnitName(service.Path);
            var socket = files.FirstOrDefault(f => f.Kind == LintFileKind.Socket && PairsWith(f, service, name));
            var exec = service.Unit.Last("Service", "ExecStart") is { } e ? ExecCommandLine.Parse(e.RawValue, out _) : null;
            var startWords = exec is null ? ImmutableArray<string>.Empty : WithShellScript(exec.Words);
            var directory = service.Unit.Last("Service", "WorkingDirectory")?.Value.TrimStart('-');
            var configArgument = ConfigArgument(startWords);
            var app = JobPrograms.Runs(startWords) ? null
                : FindAppConfig(configArgument is null ? [.. appConfigs.Where(a => !named.Contains(a))] : appConfigs, configArgument, directory, ServerTypeOf(startWords));
            var envPaths = service.Unit.All("Service", "EnvironmentFile").Select(f => f.Value.TrimStart('-')).ToList();
            // The only env file given stands for the unit's, unless it is named for dotenv (.env, .env.production): the
            // app reads that one itself, systemd only when EnvironmentFile= names it.
            var env = envFiles.FirstOrDefault(f => envPaths.Any(p => SameFile(f.Path, p, null)))
                ?? (envFiles.Count == 1 && !LintFileKinds.IsDotenvName(envFiles[0].Path) ? envFiles[0] : null);
            var group = new[] { service, socket, app, env }.OfType<LintFile>().ToImmutableArray();
            var versions = group.Aggregate(LockedVersions.None, (v, f) => v.With(HeaderVersions(f))).With(locked).With(flags);
            var map = new SourceMap(service.Path);
            var model = Read(name, service, socket, app, env, exec, startWords, versions, map);
            result.Add(new LintedService(model, map, group)
            {
                UserScope = IsUserUnit(service),
                Versions = versions,
                StartWords = startWords,
            });
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Partial models for what no .service starts, so the rules across files run for them too: each runit run script
    /// with the app config its exec line names and the control scripts beside it (control/h is `sv reload`, runsv(8)),
    /// and each puma.rb/unicorn.rb that neither a service nor a run script takes, read alone.
    /// </summary>
    public static ImmutableArray<LintedService> BuildPartial(IReadOnlyList<LintFile> files, IEnumerable<LintedService> services, LockedVersions flags)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(flags);
        var locked = files.Where(f => f.Kind == LintFileKind.GemfileLock)
            .Aggregate(LockedVersions.None, (v, f) => v.With(GemfileLockReader.Parse(f.Text, Path.GetFileName(f.Path))));
        var appConfigs = files.Where(f => f.IsAppConfig).ToList();
        var runs = files.Where(f => f.Kind == LintFileKind.RunitRun).ToList();
        var controls = files.Where(f => f.Kind == LintFileKind.RunitControl).ToList();
        var taken = services.SelectMany(s => s.Files).ToHashSet();
        var result = ImmutableArray.CreateBuilder<LintedService>();
        foreach (var run in runs)
        {
            var commands = RunScript.Commands(run.Lines);
            if (RunScript.ExecWords(run.Lines) is not { Count: > 0 } scriptWords)
            {
                continue;
            }

            var words = WithShellScript([.. scriptWords.Select(w => w.Text)]);
            var type = ServerTypeOf(words);
            // `cd DIR` before the exec is the server's working directory (the shell's cwd carries over exec).
            var directory = commands.LastOrDefault(c => c.Command is [{ Text: "cd" }, { Text: var d }, ..] && d.StartsWith('/'))?.Command[1].Text;
            var app = FindAppConfig(appConfigs, ConfigArgument(words), directory, type);
            var control = ControlScripts(run, controls, runs.Count);
            var reload = control.FirstOrDefault(c => Path.GetFileName(c.Path) == "h");
            var group = new[] { run, app }.OfType<LintFile>().Concat(control).ToImmutableArray();
            var versions = group.Aggregate(LockedVersions.None, (v, f) => v.With(HeaderVersions(f))).With(locked).With(flags);
            var map = new SourceMap(run.Path);
            map.Add("name", run.Path, 1, 1);
            map.Add("server.command", run.Path, scriptWords[0].Line, scriptWords[0].Column);
            var restart = RestartStrategy.Normal;
            if (reload is not null && ReloadLine(reload) is { } line)
            {
                map.Add("restart", reload.Path, line.Line, line.Column);
                restart = RestartOf(line.Command, type);
            }

            var server = new ServerSpec { Type = type, Command = words, Config = ConfigArgument(words) is { } c && Resolve(c, directory) is { } r && r.StartsWith('/') ? r : null };
            if (app is not null)
            {
                server = ReadAppConfig(server, app.Ruby, app, [], map);
            }

            result.Add(new LintedService(Partial(run, server, versions, words, directory, restart), map, group)
            {
                Versions = versions,
                StartWords = words,
                ScriptWords = scriptWords,
            });
            if (app is not null)
            {
                taken.Add(app);
            }
        }

        foreach (var app in appConfigs.Where(a => !taken.Contains(a)))
        {
            var versions = HeaderVersions(app).With(locked).With(flags);
            var map = new SourceMap(app.Path);
            map.Add("name", app.Path, 1, 1);
            var server = ReadAppConfig(new ServerSpec { Type = LintFileKinds.ServerOf(app.Kind).Type }, app.Ruby, app, [], map);
            result.Add(new LintedService(Partial(app, server, versions, [], null, RestartStrategy.Normal), map, [app]) { Versions = versions });
        }

        return result.ToImmutable();
    }

    private static ServiceModel Partial(LintFile file, ServerSpec server, LockedVersions versions, ImmutableArray<string> words, string? directory, RestartStrategy restart) => new()
    {
        Name = UnitName(Path.GetFileName(Path.GetDirectoryName(file.Path)) is { Length: > 0 } folder && file.Kind == LintFileKind.RunitRun ? folder : file.Path),
        User = "root",
        Directory = directory,
        Server = WithVersions(server, versions, words),
        Restart = restart,
        Supervisors = file.Kind == LintFileKind.RunitRun ? [Supervisor.Runit] : [],
        Systemd = new SystemdSpec { SocketActivation = false, Hardening = HardeningProfile.None },
    };

    /// <summary>The control scripts of a run script's service folder (<c>DIR/run</c> ↔ <c>DIR/control/h</c>); all of them when one run script is given.</summary>
    private static List<LintFile> ControlScripts(LintFile run, List<LintFile> controls, int runCount)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(run.Path));
        var beside = controls.Where(c => Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(c.Path))) == folder).ToList();
        return beside.Count > 0 || runCount > 1 ? beside : controls;
    }

    /// <summary>The command of a control script that signals the server: its <c>kill</c>, <c>pumactl</c> or <c>sv</c> line.</summary>
    private static (ExecCommandLine Command, int Line, int Column)? ReloadLine(LintFile control)
    {
        foreach (var command in RunScript.Commands(control.Lines))
        {
            var words = command.Command.Select(w => w.Text).ToList();
            if (words.Count > 0 && Program(words[0]) is "kill" or "pumactl" || words.Any(w => Program(w) == "pumactl"))
            {
                var at = words.FindIndex(w => Program(w) is "kill" or "pumactl");
                return (new ExecCommandLine(string.Empty, [.. words], [.. words.Select(_ => false)]), command.Command[Math.Max(at, 0)].Line, command.Command[Math.Max(at, 0)].Column);
            }
        }

        return null;
    }

    /// <summary>
    /// The files no service took: sockets, app configs and env files given together with others that
    /// nothing given starts or reads (run scripts take the app config their exec line names).
    /// </summary>
    public static ImmutableArray<LintFile> Unpaired(IReadOnlyList<LintFile> files, IEnumerable<LintedService> services)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(services);
        var lintable = files.Where(f => f.Kind != LintFileKind.GemfileLock).ToList();
        if (lintable.Count < 2)
        {
            return [];
        }

        var taken = services.SelectMany(s => s.Files).ToHashSet();
        var appConfigs = files.Where(f => f.IsAppConfig).ToList();
        foreach (var run in files.Where(f => f.Kind == LintFileKind.RunitRun))
        {
            var words = RunScript.ExecWords(run.Lines) is { } w ? WithShellScript([.. w.Select(x => x.Text)]) : [];
            if (FindAppConfig(appConfigs, ConfigArgument(words), null, ServerTypeOf(words)) is { } app)
            {
                taken.Add(app);
            }
        }

        return [.. lintable.Where(f => f.Kind is LintFileKind.Socket or LintFileKind.PumaConfig or LintFileKind.UnicornConfig or LintFileKind.EnvironmentFile && !taken.Contains(f))];
    }

    /// <summary>The app config a service names by its -C/-c path (full path, folder tail or file name); null when it names none given.</summary>
    private static LintFile? Named(List<LintFile> appConfigs, LintFile service)
    {
        var words = service.Unit.Last("Service", "ExecStart") is { } e && ExecCommandLine.Parse(e.RawValue, out _) is { } exec ? WithShellScript(exec.Words) : [];
        var directory = service.Unit.Last("Service", "WorkingDirectory")?.Value.TrimStart('-');
        return ConfigArgument(words) is { } path && path != "-" ? appConfigs.FirstOrDefault(f => SameFile(f.Path, path, directory)) : null;
    }

    private static ServiceModel Read(string name, LintFile service, LintFile? socket, LintFile? app, LintFile? env, ExecCommandLine? exec,
        ImmutableArray<string> startWords, LockedVersions versions, SourceMap map)
    {
        var unit = service.Unit;
        string? Value(string key, string path)
        {
            if (unit.Last("Service", key) is not { } entry)
            {
                return null;
            }

            map.Add(path, service.Path, entry.Line, entry.ValueColumn);
            return entry.Value;
        }

        map.Add("name", service.Path, 1, 1);
        var user = Value("User", "user");
        var environment = ReadEnvironment(service, env, map);
        var command = exec?.Words ?? [];
        if (unit.Last("Service", "ExecStart") is { } start)
        {
            map.Add("server.command", service.Path, start.Line, start.ValueColumn);
        }

        var type = ServerTypeOf(startWords);
        var puma = app?.Ruby;
        var listen = socket is null ? [] : ReadListen(socket, map);
        var notify = Value("Type", "systemd.notify") == "notify";
        var watchdog = Value("WatchdogSec", "systemd.watchdogSec");
        var reload = unit.Last("Service", "ExecReload") is { } r ? ExecCommandLine.Parse(r.RawValue, out _) : null;
        if (unit.Last("Service", "ExecReload") is { } reloadEntry)
        {
            map.Add("restart", service.Path, reloadEntry.Line, reloadEntry.ValueColumn);
        }

        var server = new ServerSpec
        {
            Type = type,
            Command = command,
            // A relative -C is relative to WorkingDirectory (the server's cwd); left relative it would mean nothing in a model.
            Config = ConfigArgument(startWords) is { } config && Resolve(config, unit.Last("Service", "WorkingDirectory")?.Value.TrimStart('-')) is { } resolved
                && resolved.StartsWith('/') ? resolved : null,
        };
        if (puma is not null && app is not null)
        {
            server = ReadAppConfig(server, puma, app, environment, map);
        }

        server = WithVersions(server, versions, startWords);
        if (server.IsPuma && CommandLineBinds(startWords) is { Length: > 0 } flagBinds && unit.Last("Service", "ExecStart") is { } startEntry)
        {
            // Binds given on puma's command line replace the config file's (puma 5.6.5 lib/puma/cli.rb `-b`/`-p` go to
            // user_config; UserFileDefaultOptions#[] takes user options before file options).
            for (var b = 0; b < flagBinds.Length; b++)
            {
                map.Add($"server.binds[{b}]", service.Path, startEntry.Line, startEntry.ValueColumn);
            }

            server = server with { Binds = flagBinds };
        }

        // A user unit runs as the user whose manager starts it (systemctl --user): the model's user is that account
        // when the files name it; a system unit without User= runs as root, which UG0705 says.
        var userScope = UserUnits.IsUserUnit(service);
        if (userScope && unit.All("Install", "WantedBy").LastOrDefault() is { } wantedBy)
        {
            map.Add("systemd.scope", service.Path, wantedBy.Line, wantedBy.ValueColumn);
        }

        return new ServiceModel
        {
            Name = name,
            // systemd runs a system unit without User= as root: UG0705 says so, unless the file states it is on purpose.
            // A user unit runs as the account whose manager holds it.
            User = user ?? (userScope ? UserUnits.AccountOf(service) : null) ?? "root",
            AllowRoot = UnitGen.Model.Facts.RootOnPurpose.IsStated(service.Lines),
            Group = Value("Group", "group"),
            Description = unit.Last("Unit", "Description")?.Value,
            Directory = Value("WorkingDirectory", "directory"),
            Environment = environment,
            EnvFile = unit.Last("Service", "EnvironmentFile")?.Value.TrimStart('-'),
            Server = server,
            Listen = listen,
            Restart = RestartOf(reload, server.Type),
            Systemd = new SystemdSpec
            {
                SocketActivation = socket is not null,
                Notify = notify,
                WatchdogSec = watchdog is not null && int.TryParse(watchdog.TrimEnd('s'), NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : null,
                Hardening = HardeningProfile.None,
                Stdout = Value("StandardOutput", "systemd.stdout"),
                Stderr = Value("StandardError", "systemd.stderr"),
                Scope = userScope ? SystemdScope.User : SystemdScope.System,
            },
        };
    }

    private static ServerSpec ReadAppConfig(ServerSpec server, RubyConfig config, LintFile app, ImmutableArray<EnvironmentVariable> environment, SourceMap map)
    {
        object? Known(RubyValue value) => value switch
        {
            RubyEnvOrDefault d => environment.FirstOrDefault(v => v.Name == d.Variable)?.Value is { } set
                ? set
                : d.Default is null ? null : Known(d.Default),
            RubyInterpolated interpolated => interpolated.Resolve(Known),
            _ => value.Known,
        };

        int? Int(string method, string path)
        {
            if (config.Last(method) is not { Arguments: [var arg, ..] } call)
            {
                return null;
            }

            map.Add(path, app.Path, call.Line, call.Column);
            return Known(arg) switch
            {
                long l => (int)l,
                string s when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
                _ => null,
            };
        }

        var isUnicorn = app.Kind == LintFileKind.UnicornConfig;
        var binds = ImmutableArray.CreateBuilder<string>();
        var i = 0;
        foreach (var call in config.Calls.Where(c => !c.Conditional && c.Method is "bind" or "port" or "listen"))
        {
            var first = call.Arguments.IsEmpty ? null : Known(call.Arguments[0]);
            var text = (call.Method, first) switch
            {
                ("bind", string s) => s,
                // puma's `port N` binds tcp://0.0.0.0:N (lib/puma/dsl.rb `port`, default_host).
                ("port", long p) => $"tcp://0.0.0.0:{p}",
                ("port", string s) => $"tcp://0.0.0.0:{s}",
                ("listen", long p) => $"tcp://0.0.0.0:{p}",
                ("listen", string s) => s.StartsWith('/') ? $"unix://{s}" : s.Contains(':', StringComparison.Ordinal) ? $"tcp://{s}" : $"tcp://0.0.0.0:{s}",
                _ => null,
            };
            if (text is not null)
            {
                map.Add($"server.binds[{i++}]", app.Path, call.Line, call.Column);
                binds.Add(text);
            }
        }

        var preload = config.Last(isUnicorn ? "preload_app" : "preload_app!") is { } preloadCall
            ? preloadCall.Arguments.IsEmpty || Known(preloadCall.Arguments[0]) is true
            : (bool?)null;
        if (config.Last(isUnicorn ? "preload_app" : "preload_app!") is { } pc)
        {
            map.Add("server.preload", app.Path, pc.Line, pc.Column);
        }

        if (!isUnicorn && config.Last("prune_bundler") is { } pb)
        {
            map.Add("server.pruneBundler", app.Path, pb.Line, pb.Column);
        }

        return server with
        {
            // The config names the server when the command line does not (a wrapper); a unicorn.rb is always unicorn's.
            Type = isUnicorn || server.Type == ServerType.Command ? LintFileKinds.ServerOf(app.Kind).Type : server.Type,
            Workers = Int(isUnicorn ? "worker_processes" : "workers", "server.workers"),
            Preload = preload,
            ForkWorker = config.Last("fork_worker") is not null,
            // prune_bundler changes puma 7's preload default and is ignored with preload or in single mode (UG0408).
            PruneBundler = !isUnicorn && config.Last("prune_bundler") is { } prune
                && (prune.Arguments.IsEmpty || Known(prune.Arguments[0]) is true),
            Timeout = isUnicorn ? Int("timeout", "server.timeout") : null,
            Binds = binds.Count == 0 ? null : binds.ToImmutable(),
        };
    }

    private static ImmutableArray<EnvironmentVariable> ReadEnvironment(LintFile service, LintFile? env, SourceMap map)
    {
        var result = new List<EnvironmentVariable>();
        if (env is not null)
        {
            foreach (var a in env.Environment.Assignments.Where(a => !a.HasExport))
            {
                map.Add($"environment.{a.Name}@key", env.Path, a.Line, a.Column);
                map.Add($"environment.{a.Name}", env.Path, a.Line, a.Column + a.Name.Length + 1);
                result.Add(new EnvironmentVariable(a.Name, a.Value));
            }
        }

        foreach (var entry in service.Unit.All("Service", "Environment"))
        {
            // Environment= takes quoted words of NAME=value (systemd.exec(5)); later assignments win.
            if (ExecCommandLine.Parse(entry.RawValue, out _) is not { } words)
            {
                continue;
            }

            foreach (var word in words.Words)
            {
                var eq = word.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    map.Add($"environment.{word[..eq]}@key", service.Path, entry.Line, entry.ValueColumn);
                    map.Add($"environment.{word[..eq]}", service.Path, entry.Line, entry.ValueColumn);
                    result.RemoveAll(v => v.Name == word[..eq]);
                    result.Add(new EnvironmentVariable(word[..eq], word[(eq + 1)..]));
                }
            }
        }

        return [.. result];
    }

    private static ImmutableArray<Listener> ReadListen(LintFile socket, SourceMap map)
    {
        var mode = socket.Unit.Last("Socket", "SocketMode")?.Value;
        var group = socket.Unit.Last("Socket", "SocketGroup")?.Value;
        var result = ImmutableArray.CreateBuilder<Listener>();
        foreach (var entry in socket.Unit.All("Socket", "ListenStream"))
        {
            if (ListenStreamParser.Parse(entry.Value) is { } address)
            {
                map.Add($"listen[{result.Count}]", socket.Path, entry.Line, entry.ValueColumn);
                result.Add(new Listener(address) { Mode = address is UnixAddress ? mode : null, Group = address is UnixAddress ? group : null });
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The reload as a restart strategy (see <see cref="ReloadCommand"/>); a shell's -c script is read as its words.</summary>
    private static RestartStrategy RestartOf(ExecCommandLine? reload, ServerType server) =>
        reload is null ? RestartStrategy.Normal
            : ReloadCommand.StrategyOf(reload with { Words = [.. WithShellScript(reload.Words).Select(w => Program(w) is "pumactl" ? "pumactl" : w)] }, server) ?? RestartStrategy.Normal;

    /// <summary>The server a hand-written command starts, as the profiles recognise their programs.</summary>
    private static ServerType ServerTypeOf(ImmutableArray<string> argv) =>
        ServerProfiles.StartedBy([.. argv.Select(Program)]).Type;

    /// <summary>
    /// The program a word names: its file name, with rvm's wrapper prefix taken off — `rvm wrapper RUBY@GEMSET app pumactl`
    /// writes ~/.rvm/bin/app_pumactl, which runs pumactl.
    /// </summary>
    private static string Program(string word)
    {
        var name = Path.GetFileName(word);
        foreach (var tool in UnitGen.Model.Servers.ServerProfiles.StartingProgramNames)
        {
            if (name.EndsWith("_" + tool, StringComparison.Ordinal))
            {
                return tool;
            }
        }

        return name;
    }

    /// <summary>The words of a command line followed by the words of its shell script, if it is <c>sh -c 'SCRIPT'</c> (also -lc, -ec).</summary>
    internal static ImmutableArray<string> WithShellScript(ImmutableArray<string> argv)
    {
        if (!IsShell(argv))
        {
            return argv;
        }

        for (var i = 1; i + 1 < argv.Length; i++)
        {
            if (argv[i].StartsWith('-') && !argv[i].StartsWith("--", StringComparison.Ordinal) && argv[i].Contains('c', StringComparison.Ordinal))
            {
                var script = argv[i + 1].Split([' ', '\t', '\n', ';', '&', '|', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
                    .Select(w => w.Trim('\'', '"'));
                return [.. argv, .. script];
            }
        }

        return argv;
    }

    private static string? ConfigArgument(ImmutableArray<string> argv)
    {
        // A shell's own -c takes the script: look only after the script, at its words (see WithShellScript).
        var start = IsShell(argv) ? argv.IndexOf(argv.FirstOrDefault(w => w.Contains(' ', StringComparison.Ordinal)) ?? string.Empty) + 1 : 0;
        for (var i = Math.Max(start, 0); i < argv.Length; i++)
        {
            // pumactl takes the config with -F (puma 5.6.5 lib/puma/control_cli.rb `o.on "-F", "--config-file PATH"`).
            if (argv[i] is "-C" or "-c" or "--config" or "-F" or "--config-file" && i + 1 < argv.Length)
            {
                return argv[i + 1];
            }

            if (argv[i].StartsWith("--config=", StringComparison.Ordinal))
            {
                return argv[i]["--config=".Length..];
            }
        }

        return null;
    }

    private static bool IsShell(ImmutableArray<string> argv) =>
        !argv.IsEmpty && Path.GetFileName(argv[0]) is "sh" or "bash" or "dash" or "zsh";

    /// <summary>
    /// The app config a service starts: the one its <c>-C</c>/<c>-c</c> path names — by full path, then by the longest
    /// common tail of folders (<c>config/puma.rb</c> ↔ <c>/srv/app/current/config/puma.rb</c>), then by file name — else,
    /// when the path names none of them or there is none, the only one of the server's kind given.
    /// </summary>
    private static LintFile? FindAppConfig(List<LintFile> appConfigs, string? configPath, string? directory, ServerType type)
    {
        var kind = LintFileKinds.AppConfigOf(ServerProfiles.Of(type));
        var candidates = appConfigs.Where(f => kind is null || f.Kind == kind).ToList();
        if (configPath is not null && configPath != "-")
        {
            var named = candidates.Where(f => SameFile(f.Path, configPath, directory))
                .OrderByDescending(f => CommonTail(f.Path, Resolve(configPath, directory)))
                .FirstOrDefault();
            if (named is not null)
            {
                return named;
            }
        }

        // The only config given is the server's when the command is a server that reads one of that kind; any other program
        // (sidekiq, a wrapper script, Kestrel) takes a config only by its path, else a sidekiq unit beside puma.rb would be read as puma.
        return candidates.Count == 1 && kind is not null ? candidates[0] : null;
    }

    private static string Resolve(string path, string? directory) =>
        path.StartsWith('/') || directory is null || !directory.StartsWith('/') ? path : $"{directory.TrimEnd('/')}/{path}";

    private static int CommonTail(string a, string b)
    {
        var x = a.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var y = b.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var n = 0;
        while (n < x.Length && n < y.Length && x[^(n + 1)] == y[^(n + 1)])
        {
            n++;
        }

        return n;
    }

    /// <summary>Binds on puma's command line: <c>-b URI</c>, <c>--bind URI</c>, <c>--bind=URI</c>, <c>-p PORT</c>, <c>--port PORT</c> (tcp://0.0.0.0:PORT, puma 5.6.5 Configuration::DefaultTCPHost).</summary>
    private static ImmutableArray<string> CommandLineBinds(ImmutableArray<string> words)
    {
        var binds = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < words.Length; i++)
        {
            var next = i + 1 < words.Length ? words[i + 1] : null;
            switch (words[i])
            {
                case "-b" or "--bind" when next is not null:
                    binds.Add(next);
                    i++;
                    break;
                case "-p" or "--port" when next is not null:
                    binds.Add($"tcp://0.0.0.0:{next}");
                    i++;
                    break;
                case var w when w.StartsWith("--bind=", StringComparison.Ordinal):
                    binds.Add(w["--bind=".Length..]);
                    break;
                case var w when w.StartsWith("--port=", StringComparison.Ordinal):
                    binds.Add($"tcp://0.0.0.0:{w["--port=".Length..]}");
                    break;
            }
        }

        return binds.ToImmutable();
    }

    private static ServerSpec WithVersions(ServerSpec server, LockedVersions versions, ImmutableArray<string> startWords)
    {
        var bundled = startWords.Select(Path.GetFileName).Contains("bundle");
        return server with
        {
            Version = server.Profile.HasKnownVersions ? versions.Server(server.Profile.Name) : server.Version,
            // What a "Made for:" header or a Gemfile.lock says of the server's notify path (ServerProfile.MadeForNotes).
            SdNotifyGem = server.SdNotifyGem || (server.IsPuma && versions.SdNotifyGem),
            UseSystemd = server.UseSystemd || (server.Profile is KestrelProfile && versions.UseSystemd),
            Bundler = bundled ? versions.Bundler : server.Bundler,
        };
    }

    /// <summary>What a "Made for:" header line of a file UnitGen generated states.</summary>
    private static LockedVersions HeaderVersions(LintFile file)
    {
        var parts = file.Lines.Take(5).SelectMany(UnitGen.Model.Facts.MadeFor.Parse).ToList();
        if (parts.Count == 0)
        {
            return LockedVersions.None;
        }

        Version? Of(string name) => parts.FirstOrDefault(p => p.Name == name).Version is { } v ? LockedVersions.ParseVersion(v) : null;
        return new LockedVersions
        {
            Servers = ServerProfiles.All.Where(p => p.HasKnownVersions && Of(p.Name) is not null)
                .ToImmutableSortedDictionary(p => p.Name, p => Of(p.Name)!, StringComparer.Ordinal),
            Bundler = Of("bundler"),
            SdNotifyGem = parts.Any(p => p.Name == "sd_notify gem"),
            UseSystemd = parts.Any(p => p.Name == "UseSystemd()"),
            Source = $"{Path.GetFileName(file.Path)} header",
        };
    }

    private static bool IsUserUnit(LintFile service) => UserUnits.IsUserUnit(service);

    private static readonly string[] SocketDependencies = ["Requires", "Wants", "BindsTo", "After"];

    private static bool PairsWith(LintFile socket, LintFile service, string serviceName)
    {
        var socketName = UnitName(socket.Path);
        var serviceFile = Path.GetFileName(service.Path);
        return socketName == serviceName
            || socket.Unit.Last("Socket", "Service")?.Value == serviceFile
            || service.Unit.All("Service", "Sockets")
                .Concat(SocketDependencies.SelectMany(k => service.Unit.All("Unit", k)))
                .Any(e => e.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(Path.GetFileName(socket.Path)));
    }

    /// <summary>Whether an EnvironmentFile= of a service among <paramref name="files"/> names <paramref name="env"/>.</summary>
    public static bool NamedByEnvironmentFile(LintFile env, IEnumerable<LintFile> files)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(files);
        return files.Where(f => f.Kind == LintFileKind.Service)
            .SelectMany(s => s.Unit.All("Service", "EnvironmentFile"))
            .Any(e => SameFile(env.Path, e.Value.TrimStart('-'), null));
    }

    /// <summary>Whether a file given on the command line is the one a unit names: same full path, same tail of folders, or same file name.</summary>
    private static bool SameFile(string given, string referenced, string? directory)
    {
        var resolved = Resolve(referenced, directory);
        return Path.GetFullPath(given) == resolved || Path.GetFileName(given) == Path.GetFileName(resolved);
    }

    private static string UnitName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var at = name.IndexOf('@', StringComparison.Ordinal);
        return at >= 0 ? name[..at] : name;
    }
}
