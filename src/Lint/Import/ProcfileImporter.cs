using System.Collections.Immutable;
using System.Globalization;
using UnitGen.Formats.Procfile;
using UnitGen.Model;
using UnitGen.Model.Servers;

namespace UnitGen.Lint.Import;

/// <summary>
/// <c>unitgen import Procfile [--env FILE]</c>: a model from foreman's format. The <c>web</c> entry becomes the
/// server, its type recognised from the command (puma, unicorn, <c>rails server</c>, through <c>bundle exec</c>
/// or a binstub) and its options read into model keys; every other entry becomes a process (sidekiq with its
/// <c>-C</c>/<c>-t</c> read, else a command). The app runs where foreman's export runs it: in the root, as the
/// user, with the .env variables, the web on the port foreman gives it (base + 100 × its place in the
/// Procfile, foreman 0.87.2 lib/foreman/engine.rb <c>port_for</c>). Every setting read is carried into a key
/// (with its line) or named in a <c># not imported:</c> comment with why.
/// </summary>
internal static class ProcfileImporter
{
    /// <summary>foreman's base port when neither <c>--port</c> nor PORT says one (engine.rb <c>base_port</c>).</summary>
    public const int ForemanBasePort = 5000;

    /// <summary>Heroku's one-off process types: run once per deploy or app creation, not services.</summary>
    private static readonly ImmutableHashSet<string> OneOff = ["release", "postdeploy"];

    public static ImportedModel Import(string procfilePath, string text, ForemanOptions options, IReadOnlyList<(string Path, string Text)> envFiles)
    {
        ArgumentNullException.ThrowIfNull(procfilePath);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(envFiles);
        return new Run(procfilePath, options).Import(text, envFiles);
    }

    private sealed class Run(string procfilePath, ForemanOptions options)
    {
        private readonly Dictionary<string, List<SourceLine>> origins = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> notes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> commented = new(StringComparer.Ordinal);
        private readonly List<NotImportedSetting> notImported = [];
        private readonly List<string> header = [];
        private readonly string root = Path.GetFullPath(options.Root ?? Path.GetDirectoryName(Path.GetFullPath(procfilePath)) ?? "/");

        public ImportedModel Import(string text, IReadOnlyList<(string Path, string Text)> envFiles)
        {
            var (entries, skipped) = Procfile.Parse(text);
            foreach (var line in skipped)
            {
                NotImported(line.Line, line.Text, "foreman skips it: not `NAME: COMMAND` (lib/foreman/procfile.rb)");
            }

            var environment = ReadEnvironment(envFiles);
            var basePort = options.Port
                ?? (environment.FirstOrDefault(v => v.Name == "PORT") is { } port && int.TryParse(port.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : ForemanBasePort);
            var instances = options.Instances();
            var name = options.App ?? "app";
            var model = new ServiceModel
            {
                Name = name,
                User = options.User ?? name,
                Directory = root,
                Environment = [.. environment],
                Server = new ServerSpec { Type = ServerType.Command },
                Runit = options.Log is { } log ? new RunitSpec { LogDir = log } : new RunitSpec(),
            };
            header.Add($"From {Path.GetFileName(procfilePath)} (foreman's format): processes run in {root} as `{model.User}`, as foreman's export runs them; the web on foreman's port (base {basePort.ToString(CultureInfo.InvariantCulture)} + 100 per Procfile entry before it).");
            header.Add("foreman sets PORT and PS in every process's environment; UnitGen sets neither: the web's port is `listen` (the socket systemd passes), and a process that needs PORT gets it in its command.");

            var web = entries.FirstOrDefault(e => e.Name == "web");
            var processes = ImmutableArray.CreateBuilder<ProcessSpec>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var index = 0; index < entries.Length; index++)
            {
                var entry = entries[index];
                var count = instances(entry.Name);
                // engine.rb port_for: base + 100 × the entry's place + (instance - 1).
                var entryPort = basePort + (100 * index);
                if (!seen.Add(entry.Name))
                {
                    NotImported(entry.Line, $"{entry.Name}: {entry.Command}", $"a second `{entry.Name}` entry: foreman exports both under the same unit names, the later overwriting the earlier; the model keeps the first");
                }
                else if (OneOff.Contains(entry.Name))
                {
                    NotImported(entry.Line, $"{entry.Name}: {entry.Command}", $"`{entry.Name}` runs once per deploy (Heroku), not as a service: run it from the deploy (foreman would export it as a service restarted forever)");
                }
                else if (count == 0)
                {
                    NotImported(entry.Line, $"{entry.Name}: {entry.Command}", $"the formation (--formation {options.Formation}) runs no `{entry.Name}`: foreman exports none");
                }
                else if (entry == web)
                {
                    model = ReadWeb(model, entry, ProcfileCommand.Read(entry.Command, entryPort), entryPort, count);
                }
                else if (ReadProcess(entry, ProcfileCommand.Read(entry.Command, entryPort), count) is { } process)
                {
                    processes.Add(process);
                }
            }

            if (web is null)
            {
                header.Add("The Procfile has no `web` entry: the model's server is `type: command` without a command, so UnitGen writes no web service (only the processes and their target).");
            }

            if (options.Run is { } run)
            {
                header.Add($"not imported: --run {run} — the pid folder foreman chowns: systemd and runsv track the main PIDs themselves, no pid files needed");
            }

            if (options.Template is { } template)
            {
                header.Add($"not imported: --template {template} — UnitGen has no ERB templates: add directives with systemd.extra or a drop-in, server settings in the local config (server.localConfig)");
            }

            return new ImportedModel(model with { Processes = [.. processes] })
            {
                Origins = origins.ToImmutableDictionary(o => o.Key, o => o.Value.Distinct().ToImmutableArray(), StringComparer.Ordinal),
                Notes = notes.ToImmutableDictionary(StringComparer.Ordinal),
                CommentedKeys = commented.ToImmutableDictionary(StringComparer.Ordinal),
                NotImported = [.. notImported],
                Header = [.. header],
            };
        }

        private List<EnvironmentVariable> ReadEnvironment(IReadOnlyList<(string Path, string Text)> envFiles)
        {
            var variables = new List<EnvironmentVariable>();
            foreach (var (path, text) in envFiles)
            {
                var (read, skipped) = ForemanEnvFile.Parse(text);
                foreach (var line in skipped)
                {
                    notImported.Add(new NotImportedSetting(new SourceLine(path, line.Line), line.Text, "foreman skips it: not KEY=value (lib/foreman/env.rb; no `export`, no blanks around `=`)"));
                }

                foreach (var v in read)
                {
                    variables.RemoveAll(x => x.Name == v.Name);
                    variables.Add(new EnvironmentVariable(v.Name, v.Value));
                    Origin($"environment.{v.Name}", new SourceLine(path, v.Line), replace: true);
                }
            }

            return variables;
        }

        private ServiceModel ReadWeb(ServiceModel model, ProcfileEntry entry, ProcfileCommand command, int port, int count)
        {
            if (count > 1)
            {
                NotImported(entry.Line, $"--formation web={count}", $"foreman runs {count} web servers on ports {port}..{port + count - 1}; UnitGen runs one web service on one socket: set server.workers for more processes");
            }

            model = WithAssignments(model, entry, command);
            var launch = Launcher.Of(command.Words);
            var program = launch.Program is { } p ? Path.GetFileName(p) : null;
            var railsServer = program == "rails" && launch.Args.FirstOrDefault() is "server" or "s";
            // A web server whose options its profile lists and whose config file UnitGen writes (the flags below move
            // into it); `rails server` starts the Gemfile's puma (railties' default). Any other program stays a command.
            var type = railsServer ? ServerType.Puma
                : ServerProfiles.All.FirstOrDefault(p => program is not null && p.ProgramNames.Contains(program)
                    && !p.CommandOptions.IsEmpty && p.ConfigFileName is not null)?.Type
                ?? ServerType.Command;
            if (command.ShellReason is not null || type == ServerType.Command)
            {
                Origin("listen[0]", entry.Line);
                notes["listen[0]"] = $"foreman gives `web` PORT={port.ToString(CultureInfo.InvariantCulture)}, where the web process is expected to listen (the Heroku contract).";
                return model with
                {
                    Server = new ServerSpec { Type = ServerType.Command, Command = Explicit(entry, command, "server.command") },
                    Listen = [Listener.Port(port)],
                };
            }

            Origin("server.type", entry.Line);
            var table = railsServer ? ProcfileFlags.RailsServer : ProcfileFlags.Of(ServerProfiles.Of(type));
            var server = new ServerSpec { Type = type };
            var listen = new List<Listener>();
            string? host = null;
            int? flagPort = null;
            string? appConfig = null;
            foreach (var flag in ProcfileFlags.Read(railsServer ? launch.Args[1..] : launch.Args, table))
            {
                switch (flag.Key, type)
                {
                    case ("port", _) when int.TryParse(flag.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                        flagPort = n;
                        break;
                    case ("host", _):
                        host = flag.Value;
                        break;
                    case ("bind" or "listen", _) when ToListener(flag.Value!) is { } listener:
                        listen.Add(listener);
                        break;
                    case ("environment", _):
                        server = server with { Environment = flag.Value };
                        Origin("server.environment", entry.Line);
                        break;
                    case ("threads", _) when Threads(flag.Value!) is { } threads:
                        server = server with { Threads = threads };
                        Origin("server.threads", entry.Line);
                        break;
                    case ("workers", _) when int.TryParse(flag.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var w):
                        server = server with { Workers = w };
                        Origin("server.workers", entry.Line);
                        break;
                    case ("preload", _):
                        server = server with { Preload = true };
                        Origin("server.preload", entry.Line);
                        break;
                    case ("pruneBundler", _):
                        server = server with { PruneBundler = true };
                        Origin("server.pruneBundler", entry.Line);
                        break;
                    case ("forkWorker", _):
                        server = server with { ForkWorker = true };
                        Origin("server.forkWorker", entry.Line);
                        break;
                    case ("pidfile", _):
                        server = server with { Pidfile = Absolute(flag.Value!) };
                        Origin("server.pidfile", entry.Line);
                        break;
                    case ("rackup", _) or (ProcfileFlags.Positional, not ServerType.Command) when flag.Value!.EndsWith(".ru", StringComparison.Ordinal):
                        server = server with { Rackup = flag.Value };
                        Origin("server.rackup", entry.Line);
                        break;
                    case ("using", _) when flag.Value == "puma":
                        Origin("server.type", entry.Line);
                        break;
                    case ("config", _):
                        appConfig = Absolute(flag.Value!);
                        NotImported(entry.Line, flag.Text, $"UnitGen writes its own {server.Profile.ConfigFileName} (installed at server.config) and passes it with {server.Profile.ConfigOption}: import the app's with `unitgen import` beside a unit, or move its settings to the local config (server.localConfig: true)");
                        break;
                    case ("daemonize", _):
                        NotImported(entry.Line, flag.Text, "under a supervisor the server stays in the foreground (UG0206)");
                        break;
                    default:
                        NotImported(entry.Line, flag.Text, flag.Key is null ? "an option UnitGen does not know for this server" : "no model key for it");
                        break;
                }
            }

            if (flagPort is { } fp)
            {
                listen.Insert(0, host is null ? Listener.Port(fp) : ToListener($"{host}:{fp}") ?? Listener.Port(fp));
            }

            if (listen.Count == 0)
            {
                // The Heroku contract foreman keeps: the web listens on PORT (puma.rb `port ENV["PORT"]`).
                listen.Add(Listener.Port(port));
                notes["listen[0]"] = $"foreman gives `web` PORT={port.ToString(CultureInfo.InvariantCulture)}, where the web process is expected to listen (the Heroku contract); UnitGen passes that socket.";
            }

            for (var i = 0; i < listen.Count; i++)
            {
                Origin($"listen[{i}]", entry.Line);
            }

            // UnitGen installs its config at DIRECTORY/config/puma.rb (unicorn.rb) unless server.config says
            // otherwise (ServerConfigFile.InstalledPath): where a Rails app keeps its own, which `rails server` reads.
            var file = server.Profile.ConfigFileName!;
            if (appConfig == Path.Combine(root, "config", file) || (railsServer && appConfig is null))
            {
                commented["server.config"] = ModelYamlWriter.Quote($"/etc/{model.Name}/{file}");
                notes["server.config"] = $"The app's own config/{file} is where UnitGen installs the {file} it writes unless server.config is set: set it elsewhere, e.g. this line, or `unitgen install` overwrites the app's file.";
            }

            if (railsServer)
            {
                notes["server.type"] = "`rails server` starts the Gemfile's puma, which reads config/puma.rb; UnitGen runs puma itself with its own puma.rb: move settings from config/puma.rb into puma.local.rb (server.localConfig: true).";
            }

            if (!launch.Bundled)
            {
                notes["server.type"] = (notes.GetValueOrDefault("server.type") + $" The Procfile runs `{launch.Program}` without `bundle exec`; UnitGen's default runs the app's bundle: set server.command to keep another.").Trim();
            }

            return model with { Server = server, Listen = [.. listen] };
        }

        private ProcessSpec? ReadProcess(ProcfileEntry entry, ProcfileCommand command, int count)
        {
            var path = $"processes.{entry.Name}";
            Origin($"{path}.type", entry.Line);
            if (count != 1)
            {
                notes[$"{path}.instances"] = $"from --formation {options.Formation} (foreman's concurrency): one instance of the template each, @1..@{count.ToString(CultureInfo.InvariantCulture)}.";
            }

            var launch = Launcher.Of(command.Words);
            if (command.ShellReason is null && command.Assignments.IsEmpty && launch.Program is { } program && Path.GetFileName(program) == "sidekiq")
            {
                var sidekiq = new ProcessSpec { Name = entry.Name, Type = ProcessType.Sidekiq, Instances = count };
                var kept = new List<string>();
                foreach (var flag in ProcfileFlags.Read(launch.Args, ProcfileFlags.Sidekiq))
                {
                    switch (flag.Key)
                    {
                        case "config":
                            sidekiq = sidekiq with { Config = Absolute(flag.Value!) };
                            Origin($"{path}.config", entry.Line);
                            kept.AddRange(flag.Text.Split(' ', 2));
                            break;
                        case "timeout" when int.TryParse(flag.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var t):
                            sidekiq = sidekiq with { StopTimeout = t };
                            Origin($"{path}.stopTimeout", entry.Line);
                            kept.AddRange(flag.Text.Split(' ', 2));
                            break;
                        case "daemonize" or "logfile" or "pidfile":
                            NotImported(entry.Line, flag.Text, "removed in sidekiq 6.0 (UG0803): under a supervisor sidekiq stays in the foreground and logs to stdout");
                            break;
                        default:
                            // -c, -q, -e, -r…: no model key; the command carries them.
                            kept.AddRange(flag.Text.Split(' ', 2));
                            break;
                    }
                }

                var onlyKeys = ProcfileFlags.Read(launch.Args, ProcfileFlags.Sidekiq).All(f => f.Key is "config" or "timeout" or "daemonize" or "logfile" or "pidfile");
                if (onlyKeys)
                {
                    notes[$"{path}.type"] = "sidekiq: UnitGen runs the app's bundled sidekiq with -C and -t from these keys (TimeoutStopSec = -t + 10 s).";
                    return sidekiq;
                }

                Origin($"{path}.command", entry.Line);
                notes[$"{path}.command"] = "sidekiq with options that have no model key (concurrency, queues…): the command carries them.";
                return sidekiq with { Command = [.. command.Words[..(command.Words.Length - launch.Args.Length)], .. kept] };
            }

            var process = new ProcessSpec
            {
                Name = entry.Name,
                Type = ProcessType.Command,
                Instances = count,
                Command = Explicit(entry, command, $"{path}.command"),
                StopTimeout = options.Timeout,
            };
            if (options.Timeout is not null)
            {
                notes[$"{path}.stopTimeout"] = "from --timeout (foreman's TimeoutStopSec)";
            }

            return process;
        }

        /// <summary>The argv UnitGen runs for a command it does not know: the words, else the shell foreman would use.</summary>
        private EquatableArray<string> Explicit(ProcfileEntry entry, ProcfileCommand command, string path)
        {
            Origin(path, entry.Line);
            if (command.ShellReason is { } reason)
            {
                notes[path] = $"run by /bin/sh, as foreman does, because the command uses {reason}; `exec` keeps the program the main process when the command is one program.";
                var simple = !command.ShellText.Contains("&&", StringComparison.Ordinal) && !command.ShellText.Contains('|', StringComparison.Ordinal) && !command.ShellText.Contains(';', StringComparison.Ordinal);
                return ["/bin/sh", "-c", simple && !command.ShellText.StartsWith("exec ", StringComparison.Ordinal) ? "exec " + command.ShellText : command.ShellText];
            }

            var words = command.Words.ToList();
            // systemd takes a program by name (searched in its fixed PATH) or absolute; a relative path such as
            // bin/delayed_job is the root's, where foreman's shell ran it.
            if (words[0].Contains('/', StringComparison.Ordinal) && !words[0].StartsWith('/'))
            {
                words[0] = Path.GetFullPath(Path.Combine(root, words[0]));
                notes[path] = $"{command.Words[0]} is resolved against the root ({root}), where foreman ran it.";
            }

            if (!command.Assignments.IsEmpty)
            {
                notes[path] = (notes.GetValueOrDefault(path) + " The command's own variables are passed with env, as its shell did.").Trim();
                return ["env", .. command.Assignments.Select(a => $"{a.Name}={a.Value}"), .. words];
            }

            return [.. words];
        }

        /// <summary>A web command's leading NAME=value words: the model's environment is the whole app's.</summary>
        private ServiceModel WithAssignments(ServiceModel model, ProcfileEntry entry, ProcfileCommand command)
        {
            foreach (var (name, value) in command.Assignments)
            {
                model = model with { Environment = [.. model.Environment.Where(v => v.Name != name), new EnvironmentVariable(name, value)] };
                Origin($"environment.{name}", entry.Line);
                notes[$"environment.{name}"] = "from the web command's NAME=value words: the model's environment is the whole app's, workers included.";
            }

            return model;
        }

        private string Absolute(string path) => path.StartsWith('/') ? path : Path.GetFullPath(Path.Combine(root, path));

        private static Listener? ToListener(string value)
        {
            if (value.StartsWith('/'))
            {
                return Listener.Unix(value);
            }

            var uri = value.Contains("://", StringComparison.Ordinal) ? value : $"tcp://{value}";
            return ListenAddress.TryParse(uri, out var address) ? new Listener(address) : null;
        }

        private static ThreadRange? Threads(string value)
        {
            var parts = value.Split(':');
            return parts.Length switch
            {
                1 when int.TryParse(parts[0], out var n) => new ThreadRange(n, n),
                2 when int.TryParse(parts[0], out var min) && int.TryParse(parts[1], out var max) => new ThreadRange(min, max),
                _ => null,
            };
        }

        private void NotImported(int line, string text, string reason) =>
            notImported.Add(new NotImportedSetting(new SourceLine(procfilePath, line), text, reason));

        private void Origin(string path, int line) => Origin(path, new SourceLine(procfilePath, line), replace: false);

        private void Origin(string path, SourceLine line, bool replace)
        {
            if (replace || !origins.TryGetValue(path, out var list))
            {
                origins[path] = list = [];
            }

            list.Add(line);
        }
    }

    /// <summary>How a command starts its program: through <c>bundle exec</c> (or a binstub of it), and the program's own arguments.</summary>
    private sealed record Launcher(string? Program, ImmutableArray<string> Args, bool Bundled)
    {
        public static Launcher Of(ImmutableArray<string> words)
        {
            if (words.IsEmpty)
            {
                return new Launcher(null, [], false);
            }

            var i = 0;
            var bundled = false;
            if (Path.GetFileName(words[0]) == "bundle" && words.Length > 1 && words[1] == "exec")
            {
                bundled = true;
                i = 2;
                while (i < words.Length && words[i].StartsWith("--", StringComparison.Ordinal))
                {
                    i++;
                }
            }

            if (i >= words.Length)
            {
                return new Launcher(null, [], bundled);
            }

            // A binstub (bin/puma, ./bin/rails) runs the bundle's program: Bundler's binstubs set up the Gemfile.
            bundled |= words[i].StartsWith("bin/", StringComparison.Ordinal) || words[i].StartsWith("./bin/", StringComparison.Ordinal);
            return new Launcher(words[i], words[(i + 1)..], bundled);
        }
    }
}
