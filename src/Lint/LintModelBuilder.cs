using System.Collections.Immutable;
using System.Globalization;
using UnitGen.Formats.EnvironmentFiles;
using UnitGen.Formats.Ruby;
using UnitGen.Formats.Systemd;
using UnitGen.Lint.Import;
using UnitGen.Model;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint;

/// <summary>One service as lint sees it: the model read from its files, and where each value came from.</summary>
public sealed record LintedService(ServiceModel Model, SourceMap Map, ImmutableArray<LintFile> Files);

/// <summary>
/// Pairs hand-written files into services (service ↔ socket by name, <c>Service=</c>, <c>Sockets=</c>,
/// <c>Requires=</c>; app config from ExecStart's <c>-C</c>/<c>-c</c>; env file from EnvironmentFile=) and
/// reads each group into a partial <see cref="ServiceModel"/>, so lint runs the same rules as validate.
/// Values the files do not state stay unknown (server version, bundler version): rules are conservative.
/// </summary>
public static class LintModelBuilder
{
    public static ImmutableArray<LintedService> Build(IReadOnlyList<LintFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var services = files.Where(f => f.Kind == LintFileKind.Service).ToList();
        var result = ImmutableArray.CreateBuilder<LintedService>();
        foreach (var service in services)
        {
            var name = UnitName(service.Path);
            var socket = files.FirstOrDefault(f => f.Kind == LintFileKind.Socket && PairsWith(f, service, name));
            var exec = service.Unit.Last("Service", "ExecStart") is { } e ? ExecCommandLine.Parse(e.RawValue, out _) : null;
            var configPath = exec is null ? null : ConfigArgument(exec.Words);
            var appConfigs = files.Where(f => f.Kind is LintFileKind.PumaConfig or LintFileKind.UnicornConfig).ToList();
            var app = appConfigs.FirstOrDefault(f => configPath is not null && SameFile(f.Path, configPath))
                ?? (appConfigs.Count == 1 ? appConfigs[0] : null);
            var envFiles = files.Where(f => f.Kind == LintFileKind.EnvironmentFile).ToList();
            var envPath = service.Unit.Last("Service", "EnvironmentFile")?.Value.TrimStart('-');
            var env = envFiles.FirstOrDefault(f => envPath is not null && SameFile(f.Path, envPath))
                ?? (envFiles.Count == 1 ? envFiles[0] : null);
            var group = new[] { service, socket, app, env }.OfType<LintFile>().ToImmutableArray();
            var map = new SourceMap(service.Path);
            var model = Read(name, service, socket, app, env, exec, map);
            result.Add(new LintedService(model, map, group));
        }

        return result.ToImmutable();
    }

    private static ServiceModel Read(string name, LintFile service, LintFile? socket, LintFile? app, LintFile? env, ExecCommandLine? exec, SourceMap map)
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

        var type = ServerTypeOf(command);
        var puma = app is null ? null : RubyConfigReader.Parse(app.Text);
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
            Config = ConfigArgument(command),
        };
        if (puma is not null && app is not null)
        {
            server = ReadAppConfig(server, puma, app, environment, map);
        }

        return new ServiceModel
        {
            Name = name,
            // systemd runs a unit without User= as root: UG0705 says so.
            User = user ?? "root",
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

        return server with
        {
            Type = isUnicorn ? ServerType.Unicorn : server.Type == ServerType.Command ? ServerType.Puma : server.Type,
            Workers = Int(isUnicorn ? "worker_processes" : "workers", "server.workers"),
            Preload = preload,
            ForkWorker = config.Last("fork_worker") is not null,
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

    private static RestartStrategy RestartOf(ExecCommandLine? reload, ServerType server) =>
        reload is null ? RestartStrategy.Normal : ReloadCommand.StrategyOf(reload, server) ?? RestartStrategy.Normal;

    private static ServerType ServerTypeOf(ImmutableArray<string> argv)
    {
        var names = argv.Select(Path.GetFileName).ToList();
        return names.Contains("puma") || names.Contains("pumactl") ? ServerType.Puma
            : names.Any(n => n is "unicorn" or "unicorn_rails") ? ServerType.Unicorn
            : names.FirstOrDefault() == "dotnet" || names.Any(n => n?.EndsWith(".dll", StringComparison.Ordinal) == true) ? ServerType.Kestrel
            : ServerType.Command;
    }

    private static string? ConfigArgument(ImmutableArray<string> argv)
    {
        for (var i = 0; i + 1 < argv.Length; i++)
        {
            if (argv[i] is "-C" or "-c" or "--config")
            {
                return argv[i + 1];
            }
        }

        return null;
    }

    private static bool PairsWith(LintFile socket, LintFile service, string serviceName)
    {
        var socketName = UnitName(socket.Path);
        var serviceFile = Path.GetFileName(service.Path);
        return socketName == serviceName
            || socket.Unit.Last("Socket", "Service")?.Value == serviceFile
            || service.Unit.All("Service", "Sockets").Concat(service.Unit.All("Unit", "Requires"))
                .Any(e => e.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(Path.GetFileName(socket.Path)));
    }

    private static bool SameFile(string given, string referenced) =>
        Path.GetFullPath(given) == referenced || Path.GetFileName(given) == Path.GetFileName(referenced);

    private static string UnitName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var at = name.IndexOf('@', StringComparison.Ordinal);
        return at >= 0 ? name[..at] : name;
    }
}
