using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using UnitGen.Formats.Ruby;
using UnitGen.Formats.Systemd;
using UnitGen.Model;
using UnitGen.Model.Facts;
using UnitGen.Model.Rules.UnitHygiene;

namespace UnitGen.Lint.Import;

/// <summary>
/// <c>unitgen import</c>: the model lint reads from a group of hand-written files, completed with what
/// only an import needs (threads, rackup, environment, pidfile, After=/Wants=, the reload command), and
/// an account of every line the readers saw: carried into a model key (with its origin), or named with
/// the reason it is not. Nothing is invented: a value the files do not state stays absent.
/// </summary>
internal static partial class ModelImporter
{
    /// <param name="service">The service lint built from the files.</param>
    /// <param name="given">Every file given to import: those the service does not use are named in the model's header.</param>
    /// <param name="instance">The instance a template unit was read for (see <see cref="TemplateInstance"/>), if any.</param>
    public static ImportedModel Import(LintedService service, IReadOnlyList<LintFile> given, string? instance = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(given);
        var imported = new Importer(service).Run();
        var unused = given.Where(f => !service.Files.Any(s => s.Path == f.Path))
            .Select(f => f.Kind == LintFileKind.RunitRun
                ? $"{Path.GetFileName(f.Path)} (a runit run script) is not imported: the model's runit service directory is generated from the same keys."
                : f.Kind == LintFileKind.GemfileLock
                ? $"{Path.GetFileName(f.Path)} is read for the versions it locks (server.version, server.bundler, server.sdNotifyGem)."
                : $"{Path.GetFileName(f.Path)} was given but does not belong to {Path.GetFileName(service.Files[0].Path)} (no ExecStart -C/-c, EnvironmentFile= or socket name points to it): not read.");
        if (instance is not null)
        {
            var name = Path.GetFileName(service.Files[0].Path);
            var prefix = name[..Math.Max(0, name.IndexOf('@', StringComparison.Ordinal))];
            var model = imported.Model with { Name = TemplateInstance.ModelName(imported.Model.Name, instance) };
            imported = imported with
            {
                Model = model,
                Header =
                [
                    $"{prefix}@.service is a template unit, imported for {name}: %i, %I, %n, %N, %p, %P, %j, %J and %f are replaced as systemd replaces them for that instance; the model is named {model.Name}. Import again with another --instance for each instance.",
                    .. imported.Header,
                ],
            };
        }

        // Without the app config the worker count and preload are unknown, not 0 or on: lint does not judge them (Linter.NeedAppConfig), nor does import.
        var except = new List<string>();
        if (service.UserScope)
        {
            except.Add("UG0705");
        }

        if (service.AppConfig is null)
        {
            except.AddRange(["UG0401", "UG0402"]);
        }

        // A daemonize option that lint did not report (it fit the source's Type=forking) is UG0215 of the imported model,
        // which UnitGen runs in the foreground: validate finds it, and the same correction drops it.
        var lintOnly = Linter.Lint(service.Files).Where(d => d.Code is "UG0704" or "UG0725" or "UG0206").ToList();
        var corrected = Corrected(imported, except, lintOnly);
        return corrected with { Header = [.. corrected.Header, .. unused] };
    }

    /// <summary>What validate says of the imported model before import corrects it (for tests and for the report).</summary>
    internal static ImmutableArray<UnitGen.Model.Diagnostics.Diagnostic> Uncorrected(LintedService service, IReadOnlyList<LintFile> given) =>
        UnitGen.Model.Rules.Validator.Validate(new Importer(service).Run().Model, new UnitGen.Model.Diagnostics.SourceMap("unitgen.yaml"));

    /// <summary>
    /// The imported model with the source's mistakes corrected (<see cref="ImportCorrections"/>): each corrected key says what
    /// it was and why; a key the correction removed is written commented out with its origin, so no setting goes unnamed.
    /// What no correction covers is listed in the header: generate refuses it until it is fixed.
    /// </summary>
    private static ImportedModel Corrected(ImportedModel imported, IReadOnlyCollection<string> except, IReadOnlyList<UnitGen.Model.Diagnostics.Diagnostic> lintOnly)
    {
        // A user unit runs as its user, not as root: no allowRoot for it (systemd.scope: user is that unit's key).
        var (model, notes, left) = ImportCorrections.Correct(imported.Model, (m, path) => ValueText(m, path), except, lintOnly);
        if (notes.IsEmpty && left.IsEmpty)
        {
            return imported;
        }

        var commented = imported.CommentedKeys;
        // A key the correction removed or set to what the writer leaves out (notify false) is written commented out, with its origin.
        foreach (var path in notes.Keys.Where(p => ValueText(model, p) is "absent" or "false" && ValueText(imported.Model, p) is not ("absent" or "false")))
        {
            commented = commented.SetItem(path, ValueText(imported.Model, path));
        }

        return imported with
        {
            Model = model,
            Notes = notes.Aggregate(imported.Notes, (all, n) => all.SetItem(n.Key, all.TryGetValue(n.Key, out var earlier) ? earlier + " " + n.Value : n.Value)),
            CommentedKeys = commented,
            Header =
            [
                .. imported.Header,
                .. left.Select(d => $"Not corrected, from the source: {d.Code} at {d.Path ?? "the model"}: {d.Message} Generate refuses the model until it is fixed ({d.Fix})."),
            ],
        };
    }

    /// <summary>A model key's value as the note says what it was: <c>["bundle", "exec", "puma"]</c>, <c>phased</c>, <c>absent</c>.</summary>
    private static string ValueText(ServiceModel m, string path)
    {
        static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(i => $"\"{i}\"")) + "]";
        return path switch
        {
            "server.binds" => m.Server.Binds is { } b ? List(b) : "absent",
            "server.command" => m.Server.Command.Length > 0 ? List(m.Server.Command) : "absent",
            "listen" => m.Listen.IsEmpty ? "absent" : List(m.Listen.Select(l => l.Address.ListenStream)),
            "restart" => m.Restart.ToString().ToLowerInvariant(),
            "systemd.notify" => m.Systemd.Notify ? "true" : "false",
            "systemd.watchdogSec" => m.Systemd.WatchdogSec?.ToString(CultureInfo.InvariantCulture) ?? "absent",
            "systemd.stdout" => m.Systemd.Stdout is { } o ? $"\"{o}\"" : "absent",
            "systemd.stderr" => m.Systemd.Stderr is { } e ? $"\"{e}\"" : "absent",
            "allowRoot" => m.AllowRoot ? "true" : $"false (user {m.User})",
            "environment.WEB_CONCURRENCY" => m.EnvironmentValue("WEB_CONCURRENCY") ?? "absent",
            // Any other key as the field table reads it.
            _ => UnitGen.Model.Fields.ModelFields.All.FirstOrDefault(f => f.Path == path)?.Read?.Invoke(m) switch
            {
                null => "absent",
                string text => $"\"{text}\"",
                var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "set",
            },
        };
    }

    private sealed class Importer(LintedService service)
    {
        private readonly LintFile unitFile = service.Files.First(f => f.Kind == LintFileKind.Service);
        private readonly LintFile? socket = service.Files.FirstOrDefault(f => f.Kind == LintFileKind.Socket);
        private readonly LintFile? app = service.Files.FirstOrDefault(f => f.Kind is LintFileKind.PumaConfig or LintFileKind.UnicornConfig);
        private readonly LintFile? env = service.Files.FirstOrDefault(f => f.Kind == LintFileKind.EnvironmentFile);
        private readonly Dictionary<string, List<SourceLine>> origins = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> notes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> commented = new(StringComparer.Ordinal);
        private readonly Dictionary<SourceLine, string> reasons = [];
        private readonly HashSet<SourceLine> carried = [];
        private readonly List<string> header = [];

        private UnitFile Unit => unitFile.Unit;

        public ImportedModel Run()
        {
            var model = service.Model;
            model = model with { Description = Carry("description", Unit.Last("Unit", "Description"))?.Value };
            model = ReadAccount(model);
            model = ReadDependencies(model);
            model = ReadEnvironment(model);
            var server = ReadCommand(model);
            model = model with { Server = server };
            model = ReadServiceKeys(model);
            model = ReadListen(model);
            if (app is not null)
            {
                model = ReadAppConfig(model, RubyConfigReader.Parse(app.Text), app);
            }

            model = model with { Server = ResolveConfig(model) };
            model = ReadExtra(model);
            if (TemplateInstance.IsTemplate(unitFile.Path))
            {
                header.Add($"{Path.GetFileName(unitFile.Path)} is a template unit. A model describes one service: specifiers such as %i are kept as written here, "
                    + "and UnitGen writes `%` literally (as `%%`), so systemd would no longer replace them. Import with --instance NAME to get the values of one instance.");
            }

            // Lint reads a hand-written unit as hardening `none` (its sandbox lines are its own); the imported model
            // replaces them by the default profile, as the written file says (ImportReasons: replaced by the profile).
            model = model with { Systemd = model.Systemd with { Hardening = HardeningProfile.Default } };
            return new ImportedModel(model)
            {
                Origins = origins.ToImmutableDictionary(o => o.Key, o => o.Value.Distinct().ToImmutableArray(), StringComparer.Ordinal),
                Notes = notes.ToImmutableDictionary(StringComparer.Ordinal),
                CommentedKeys = commented.ToImmutableDictionary(StringComparer.Ordinal),
                NotImported = [.. Uncarried()],
                Header = [.. header],
            };
        }

        /// <summary>
        /// The directives left after every key was read that systemd 252 knows (its own key table, src/Formats/Systemd)
        /// and UnitGen neither models nor writes itself (<see cref="Model.Facts.GeneratedSystemdKeys"/>): carried into
        /// systemd.extra as written, so the generated unit keeps them (LimitNOFILE=, SyslogIdentifier=, ExecStartPre=…).
        /// [Unit]/[Service]/[Install] of the service; [Socket] of the socket when the model has one. What cannot be carried
        /// is commented with the reason: a key UnitGen writes, one systemd does not know, a repeated key (systemd.extra
        /// holds one value per key), a value with a specifier (UnitGen writes `%` literally).
        /// </summary>
        private ServiceModel ReadExtra(ServiceModel model)
        {
            var extra = new List<SystemdDirective>();
            void From(LintFile file, params string[] sections)
            {
                foreach (var group in file.Unit.Entries.Where(e => sections.Contains(e.Section)).GroupBy(e => (e.Section, e.Key)))
                {
                    var (section, key) = group.Key;
                    var entries = group.ToList();
                    if (entries.All(e => carried.Contains(At(file, e.Line)) || reasons.ContainsKey(At(file, e.Line))) || ImportReasons.Unit.ContainsKey($"{section}.{key}"))
                    {
                        continue;
                    }

                    var why = UnitGen.Model.Facts.GeneratedSystemdKeys.IsGenerated(section, key) ? null
                        : SystemdKeys.Syntax(section, key) is null ? $"systemd 252 does not know {key}= in [{section}] and ignores the line"
                        : entries.Count > 1 ? $"{key}= is given {entries.Count} times; systemd.extra holds one value per key: carry the lines with a drop-in"
                        : entries[0].Value.Length == 0 ? $"an empty {key}= only resets earlier values"
                        : entries[0].Value.Contains('%', StringComparison.Ordinal) ? $"the value holds a specifier (%), which systemd.extra would write literally (%%): give the value, or import with --instance"
                        : null;
                    if (why is null && !UnitGen.Model.Facts.GeneratedSystemdKeys.IsGenerated(section, key))
                    {
                        extra.Add(new SystemdDirective(section, key, entries[0].Value));
                        Carry($"systemd.extra.{section}.{key}", file, entries[0].Line);
                        continue;
                    }

                    foreach (var entry in entries)
                    {
                        reasons.TryAdd(At(file, entry.Line), why ?? $"UnitGen writes {key}= itself from the model; systemd.extra may not set it (UG0731)");
                    }
                }
            }

            From(unitFile, "Unit", "Service", "Install");
            if (socket is not null && model.SocketActivation && !model.Listen.IsEmpty)
            {
                From(socket, "Socket");
            }

            return extra.Count == 0 ? model : model with { Systemd = model.Systemd with { Extra = [.. model.Systemd.Extra, .. extra] } };
        }

        private ServiceModel ReadAccount(ServiceModel model)
        {
            if (Carry("user", Unit.Last("Service", "User")) is null)
            {
                notes["user"] = model.IsUserScope() && model.User != "root"
                    ? $"{Path.GetFileName(unitFile.Path)} is a user unit (systemctl --user) without User=: it runs as the user whose manager starts it, `{model.User}` by the home folder it names."
                    : $"{Path.GetFileName(unitFile.Path)} has no User=: systemd runs the service as root.";
            }

            Carry("group", Unit.Last("Service", "Group"));
            // systemd.exec(5) WorkingDirectory=: an absolute path, `-` to ignore a missing one, or `~`
            // (the user's home). Anything else (a placeholder such as <YOUR_APP_PATH>) makes systemd refuse
            // the unit: it is not a directory the model can hold.
            if (Unit.Last("Service", "WorkingDirectory") is { } directory)
            {
                var path = directory.Value.StartsWith('-') ? directory.Value[1..] : directory.Value;
                if (path.StartsWith('/'))
                {
                    Carry("directory", directory);
                    return model with { Directory = path };
                }

                reasons[At(unitFile, directory.Line)] = path == "~"
                    ? "the user's home directory: write it as an absolute path in `directory`"
                    : "not an absolute path, so systemd refuses the unit; write the app's directory in `directory`";
                return model with { Directory = null };
            }

            return model;
        }

        /// <summary>After=/Wants= beyond what UnitGen writes itself (network.target, its own socket).</summary>
        private ServiceModel ReadDependencies(ServiceModel model)
        {
            var own = new HashSet<string>(StringComparer.Ordinal) { "network.target" };
            if (socket is not null)
            {
                own.Add(Path.GetFileName(socket.Path));
            }

            ImmutableArray<string> Units(string key, string path, bool dropOwn)
            {
                var result = new List<string>();
                foreach (var entry in Unit.All("Unit", key))
                {
                    var names = entry.Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                    var invalid = names.Where(n => !UG0721NotAUnitName.IsUnitName(n)).ToList();
                    var kept = names.Where(n => (!dropOwn || !own.Contains(n)) && !invalid.Contains(n)).ToList();
                    var why = invalid.Count == 0 ? null
                        : $"{At(unitFile, entry.Line)}: {string.Join(", ", invalid.Select(n => $"`{n}`"))} of {key}= are not unit names; systemd ignores them (a comment after a value is part of it)";
                    if (kept.Count == 0)
                    {
                        reasons[At(unitFile, entry.Line)] = why ?? $"UnitGen writes {key}={string.Join(' ', names)} itself";
                        continue;
                    }

                    if (why is not null)
                    {
                        notes[path] = why + ".";
                    }

                    Carry(path, entry);
                    result.AddRange(kept.Where(n => !result.Contains(n)));
                }

                return [.. result];
            }

            var after = Units("After", "systemd.after", dropOwn: true);
            var wants = Units("Wants", "systemd.wants", dropOwn: false);
            foreach (var requires in Unit.All("Unit", "Requires").Where(e => socket is not null && e.Value.Trim() == Path.GetFileName(socket.Path)))
            {
                reasons[At(unitFile, requires.Line)] = "UnitGen writes Requires= for its own socket (socket activation)";
            }

            return model with { Systemd = model.Systemd with { After = after, Wants = wants } };
        }

        /// <summary>Environment= and the env file: origins of each variable, and the assignments overridden or not read.</summary>
        private ServiceModel ReadEnvironment(ServiceModel model)
        {
            var envFile = Unit.Last("Service", "EnvironmentFile");
            Carry("envFile", envFile);
            if (envFile is not null && env is null)
            {
                notes["envFile"] = $"{envFile.Value.TrimStart('-')} was not given to import: its variables are not in `environment`, and `unitgen generate` writes this file from `environment` only. Give the file to import, or add them.";
            }

            var unitAssignments = Unit.All("Service", "Environment");
            foreach (var variable in model.Environment)
            {
                var fromUnit = unitAssignments.LastOrDefault(e => ExecCommandLine.Parse(e.RawValue, out _)?.Words.Any(w => w.StartsWith(variable.Name + "=", StringComparison.Ordinal)) == true);
                if (fromUnit is not null)
                {
                    Carry($"environment.{variable.Name}", fromUnit);
                }
                else if (env?.Environment.Assignments.LastOrDefault(a => a.Name == variable.Name && !a.HasExport) is { } assignment)
                {
                    Carry($"environment.{variable.Name}", env, assignment.Line);
                }
            }

            if (env is not null)
            {
                foreach (var a in env.Environment.Assignments.Where(a => !carried.Contains(At(env, a.Line))))
                {
                    reasons.TryAdd(At(env, a.Line), a.HasExport
                        ? "systemd does not strip `export`: it reads a variable named `export " + a.Name + "`; add it to `environment` if it was meant"
                        : "overridden by a later assignment");
                }
            }

            foreach (var e in Unit.All("Service", "Environment").Where(e => !carried.Contains(At(unitFile, e.Line))))
            {
                reasons.TryAdd(At(unitFile, e.Line), "overridden by a later assignment");
            }

            return model;
        }

        /// <summary>
        /// ExecStart=: systemd substitutes <c>$NAME</c>/<c>${NAME}</c> from the unit's environment at start
        /// (systemd.service(5) "Command lines"), while UnitGen writes <c>$</c> literally. A variable the
        /// imported environment sets is replaced by its value; one it cannot know leaves the command out.
        /// </summary>
        private ServerSpec ReadCommand(ServiceModel model)
        {
            var server = model.Server;
            if (Unit.Last("Service", "ExecStart") is not { } start || ExecCommandLine.Parse(start.RawValue, out _) is not { } exec)
            {
                return server;
            }

            var envFileUnread = Unit.Last("Service", "EnvironmentFile") is not null && env is null;
            var words = new List<string>();
            var substituted = new List<string>();
            var unknown = new List<string>();
            for (var i = 0; i < exec.RawWords.Length; i++)
            {
                if (!exec.WordHasVariable[i])
                {
                    words.Add(exec.Words[i]);
                    continue;
                }

                string? Lookup(string name)
                {
                    var value = model.EnvironmentValue(name);
                    if (value is null && (envFileUnread || SetBySystemd.Contains(name)))
                    {
                        unknown.Add("$" + name);
                        return null;
                    }

                    substituted.Add(value is null ? $"`${name}` (unset: empty)" : $"`${name}` by {ModelYamlWriter.Quote(value)}");
                    return value ?? string.Empty;
                }

                var raw = exec.RawWords[i];
                if (WholeWordVariable().Match(raw) is { Success: true } whole)
                {
                    // `$NAME` as a word of its own splits at blanks; `${NAME}` stays one word.
                    var value = Lookup(whole.Groups["name"].Value);
                    if (value is not null)
                    {
                        words.AddRange(raw.StartsWith("${", StringComparison.Ordinal) ? [value] : value.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries));
                    }

                    continue;
                }

                words.Add(Reference().Replace(raw, m => m.Value == "$$" ? "$" : Lookup(m.Groups["name"].Value) ?? m.Value));
            }

            Carry("server.command", start);
            if (unknown.Count > 0)
            {
                commented["server.command"] = "[" + string.Join(", ", exec.Words.Select(ModelYamlWriter.Quote)) + "]";
                notes["server.command"] = $"ExecStart= ({At(unitFile, start.Line)}) uses {string.Join(", ", unknown.Distinct())}, which the imported files do not set; "
                    + "UnitGen writes `$` literally, so systemd would no longer substitute it. Write the value into server.command.";
                return server with { Command = [], Config = ConfigArgument(exec.Words) };
            }

            if (substituted.Count > 0)
            {
                notes["server.command"] = $"ExecStart= ({At(unitFile, start.Line)}) had {string.Join(", ", substituted.Distinct())}: systemd substituted it at start, UnitGen writes `$` literally.";
            }

            var command = words.ToImmutableArray();
            return server with { Command = command, Config = ConfigArgument(command) };
        }

        private ServiceModel ReadServiceKeys(ServiceModel model)
        {
            if (Unit.Last("Service", "Type") is { Value: "notify" } type)
            {
                Carry("systemd.notify", type);
            }
            else if (Unit.Last("Service", "Type") is { Value: "forking" } forking)
            {
                reasons[At(unitFile, forking.Line)] = "UnitGen writes Type=simple: the server must stay in the foreground (drop daemonize / -d / --daemon / -D from the command; puma 5.0 removed daemonize)";
            }

            if (model.Systemd.WatchdogSec is not null)
            {
                Carry("systemd.watchdogSec", Unit.Last("Service", "WatchdogSec"));
            }

            Carry("systemd.stdout", Unit.Last("Service", "StandardOutput"));
            Carry("systemd.stderr", Unit.Last("Service", "StandardError"));
            var restart = RestartStrategy.Normal;
            if (Unit.Last("Service", "ExecReload") is { } reloadEntry && ExecCommandLine.Parse(reloadEntry.RawValue, out _) is { } reload
                && ReloadCommand.StrategyOf(reload, model.Server.Type) is { } strategy)
            {
                restart = strategy;
                Carry("restart", reloadEntry);
            }

            // ReadWritePaths= is a blank-separated list of paths, `-` before one that may be missing (systemd.exec(5)).
            var readWrite = new List<string>();
            foreach (var entry in Unit.All("Service", "ReadWritePaths"))
            {
                var paths = entry.Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
                if (paths.All(p => p.StartsWith('/')))
                {
                    readWrite.AddRange(paths.Where(p => !readWrite.Contains(p)));
                    Carry("systemd.readWritePaths", entry);
                }
                else
                {
                    // `-` (ignore a missing path) and `+` have no model form; dropping `-` would make a missing path fail the unit.
                    reasons[At(unitFile, entry.Line)] = "systemd.readWritePaths holds plain absolute paths; a `-`/`+` prefix has no model form";
                }
            }

            return model with { Restart = restart, Systemd = model.Systemd with { ReadWritePaths = [.. readWrite] } };
        }

        private ServiceModel ReadListen(ServiceModel model)
        {
            if (socket is null)
            {
                if (Unit.All("Unit", "Requires").Concat(Unit.All("Service", "Sockets")).Any(e => e.Value.Contains(".socket", StringComparison.Ordinal)))
                {
                    header.Add($"{Path.GetFileName(unitFile.Path)} uses a socket that was not given to import: `listen` is empty. Give the .socket file too.");
                }

                return model;
            }

            var unit = socket.Unit;
            var index = 0;
            foreach (var entry in unit.All("Socket", "ListenStream"))
            {
                if (ListenStreamParser.Parse(entry.Value) is not null)
                {
                    Carry($"listen[{index++}]", socket, entry.Line);
                }
            }

            if (model.Listen.Any(l => l.Address is UnixAddress))
            {
                Carry("listen[].mode", socket, unit.Last("Socket", "SocketMode")?.Line);
                Carry("listen[].group", socket, unit.Last("Socket", "SocketGroup")?.Line);
            }

            return model;
        }

        private ServiceModel ReadAppConfig(ServiceModel model, RubyConfig config, LintFile file)
        {
            var isUnicorn = file.Kind == LintFileKind.UnicornConfig;
            var server = model.Server;
            object? Known(RubyValue value, string path, RubyCall call) => value switch
            {
                RubyEnvOrDefault d when model.EnvironmentValue(d.Variable) is { } set => set,
                RubyEnvOrDefault { Default: { } fallback } d => Noted(path, $"{At(file, call.Line)} reads {d.Variable}, which the imported environment does not set: its default is taken.", Known(fallback, path, call)),
                RubyEnvOrDefault => null,
                RubyInterpolated interpolated => interpolated.Resolve(p => Known(p, path, call)),
                _ => value.Known,
            };
            RubyCall? Last(string method) => config.Last(method);

            // The same calls, in the same order, that LintModelBuilder turned into server.binds.
            var bindIndex = 0;
            foreach (var call in config.Calls.Where(c => !c.Conditional && c.Method is "bind" or "port" or "listen"))
            {
                var first = call.Arguments.IsEmpty ? null : call.Arguments[0] switch
                {
                    RubyEnvOrDefault d => model.EnvironmentValue(d.Variable) ?? d.Default?.Known,
                    RubyInterpolated i => i.Resolve(p => p is RubyEnvOrDefault d ? model.EnvironmentValue(d.Variable) ?? d.Default?.Known : p.Known),
                    var v => v.Known,
                };
                if (first is string or long && server.Binds is { } binds && bindIndex < binds.Length)
                {
                    Carry($"server.binds[{bindIndex++}]", file, call.Line);
                    if (SourceText(file, call.Line).Contains(',', StringComparison.Ordinal))
                    {
                        notes["server.binds"] = $"{At(file, call.Line)}: `{SourceText(file, call.Line)}`: only the address is imported; options after it are not.";
                    }
                }
            }

            if (server.Workers is not null)
            {
                Carry("server.workers", file, Last(isUnicorn ? "worker_processes" : "workers")?.Line);
            }

            if (server.Preload is not null)
            {
                Carry("server.preload", file, Last(isUnicorn ? "preload_app" : "preload_app!")?.Line);
            }
            else if (!isUnicorn && server.Version is null)
            {
                notes["server.preload"] = $"{Path.GetFileName(file.Path)} does not call preload_app!: puma's default applies, which depends on its version (5.x/6.x: only when more than one worker is known before the config is read; 7.x: in cluster mode). "
                    + "Set server.version, or preload, to say which.";
            }

            if (!isUnicorn && Last("prune_bundler") is { } prune && (prune.Arguments.IsEmpty || prune.Arguments[0].Known is true))
            {
                server = server with { PruneBundler = true };
                Carry("server.pruneBundler", file, prune.Line);
            }

            if (server.ForkWorker)
            {
                Carry("server.forkWorker", file, Last("fork_worker")?.Line);
            }

            if (server.Timeout is not null)
            {
                Carry("server.timeout", file, Last("timeout")?.Line);
            }

            if (!isUnicorn && Last("threads") is { Arguments: [var min, var max] } threads
                && Integer(Known(min, "server.threads", threads)) is { } lo && Integer(Known(max, "server.threads", threads)) is { } hi)
            {
                server = server with { Threads = new ThreadRange(lo, hi) };
                Carry("server.threads", file, threads.Line);
            }

            if (!isUnicorn && Last("rackup") is { Arguments: [var rackup] } rackupCall && Known(rackup, "server.rackup", rackupCall) is string rackupPath)
            {
                server = server with { Rackup = rackupPath };
                Carry("server.rackup", file, rackupCall.Line);
            }

            if (!isUnicorn && Last("environment") is { Arguments: [var environment] } environmentCall && Known(environment, "server.environment", environmentCall) is string environmentName)
            {
                server = server with { Environment = environmentName };
                Carry("server.environment", file, environmentCall.Line);
            }

            var directory = Last(isUnicorn ? "working_directory" : "directory");
            var directoryValue = directory is { Arguments: [var dir] } ? Known(dir, "directory", directory) as string : null;
            if (directoryValue is not null && directoryValue.StartsWith('/') && (model.Directory is null || model.Directory.TrimEnd('/') == directoryValue.TrimEnd('/')))
            {
                model = model with { Directory = model.Directory ?? directoryValue };
                Carry("directory", file, directory!.Line);
            }

            if (Last(isUnicorn ? "pid" : "pidfile") is { Arguments: [var pid] } pidCall && Known(pid, "server.pidfile", pidCall) is string pidPath)
            {
                var resolved = Resolve(pidPath, model.Directory, out var note);
                if (resolved is not null)
                {
                    server = server with { Pidfile = resolved };
                    Carry("server.pidfile", file, pidCall.Line);
                    if (note is not null)
                    {
                        notes["server.pidfile"] = $"{At(file, pidCall.Line)}: {note}";
                    }
                }
            }

            foreach (var call in config.Calls.Where(c => !carried.Contains(At(file, c.Line))))
            {
                reasons.TryAdd(At(file, call.Line), call.Conditional ? $"runs only under a condition: {ImportReasons.ForRuby(call.Method)}"
                    : config.Last(call.Method) is { } last && last != call && IsModeled(call.Method) ? $"overridden by {At(file, last.Line)}"
                    : call.Arguments.Any(a => a is RubyUnknown) && IsModeled(call.Method) ? "its value is an expression UnitGen does not evaluate; set the key by hand"
                    : IsModeled(call.Method) ? "its value is not one the model can hold; set the key by hand"
                    : ImportReasons.ForRuby(call.Method));
            }

            foreach (var issue in config.NotUnderstood)
            {
                reasons.TryAdd(At(file, issue.Line), issue.Message.TrimEnd('.') + "; " + ImportReasons.ForRuby(string.Empty));
            }

            return model with { Server = server };
        }

        private static bool IsModeled(string method) => method is "bind" or "port" or "listen" or "workers" or "worker_processes" or "threads"
            or "preload_app!" or "preload_app" or "fork_worker" or "timeout" or "rackup" or "environment" or "pidfile" or "pid";

        /// <summary>A relative <c>-C</c>/<c>-c</c> is opened from the working directory systemd starts the server in.</summary>
        private ServerSpec ResolveConfig(ServiceModel model)
        {
            var server = model.Server;
            if (server.Config is not { } config || config.StartsWith('/'))
            {
                return server;
            }

            var resolved = Resolve(config, model.Directory, out var note);
            notes["server.config"] = $"-C {config} of ExecStart: {note}";
            return server with { Config = resolved };
        }

        /// <summary>
        /// A path relative to the directory the server starts in: WorkingDirectory=, else <c>/</c> for a
        /// system service (systemd.exec(5) WorkingDirectory=). Null when the directory holds a specifier.
        /// </summary>
        private static string? Resolve(string path, string? directory, out string? note)
        {
            if (path.StartsWith('/'))
            {
                note = null;
                return path;
            }

            var root = directory ?? "/";
            var full = Path.GetFullPath(path, root.StartsWith('/') ? root : "/" + root);
            note = directory is null
                ? $"resolved against `/`, where systemd starts a system service without WorkingDirectory="
                : $"resolved against WorkingDirectory={directory}";
            return full;
        }

        private static int? Integer(object? value) => value switch
        {
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            string s when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };

        private object? Noted(string path, string note, object? value)
        {
            if (value is not null)
            {
                notes.TryAdd(path, note);
            }

            return value;
        }

        /// <summary>Every line a reader saw that no key carries, with its reason.</summary>
        private IEnumerable<NotImportedSetting> Uncarried()
        {
            var seen = new HashSet<SourceLine>();
            IEnumerable<NotImportedSetting> Lines(LintFile file, IEnumerable<(int Line, string Text, string Reason)> items)
            {
                foreach (var (line, text, reason) in items)
                {
                    var at = At(file, line);
                    if (!carried.Contains(at) && seen.Add(at))
                    {
                        yield return new NotImportedSetting(at, text, reasons.GetValueOrDefault(at, reason));
                    }
                }
            }

            IEnumerable<(int, string, string)> UnitItems(LintFile file) =>
                file.Unit.Entries.Select(e => (e.Line, $"{e.Key}={e.RawValue}", ImportReasons.ForUnit(e.Section, e.Key)))
                    .Concat(file.Unit.Issues.Select(i => (i.Line, SourceText(file, i.Line), i.Message)));

            var all = Lines(unitFile, UnitItems(unitFile));
            if (socket is not null)
            {
                all = all.Concat(Lines(socket, UnitItems(socket)));
            }

            if (app is not null)
            {
                var config = RubyConfigReader.Parse(app.Text);
                all = all.Concat(Lines(app, config.Calls.Select(c => (c.Line, SourceText(app, c.Line), ImportReasons.ForRuby(c.Method)))
                    .Concat(config.NotUnderstood.Select(n => (n.Line, SourceText(app, n.Line), n.Message)))));
            }

            if (env is not null)
            {
                all = all.Concat(Lines(env, env.Environment.Assignments.Select(a => (a.Line, SourceText(env, a.Line), "not read"))
                    .Concat(env.Environment.Issues.Select(i => (i.Line, SourceText(env, i.Line), i.Message)))));
            }

            return [.. all.OrderBy(n => n.Source.File, StringComparer.Ordinal).ThenBy(n => n.Source.Line)];
        }

        /// <summary>The line as written, trimmed; a block's first line is followed by <c>… end</c>.</summary>
        private static string SourceText(LintFile file, int line)
        {
            var lines = file.Lines;
            var text = line >= 1 && line <= lines.Length ? lines[line - 1].Trim() : string.Empty;
            return BlockOpener().IsMatch(text) ? text + " … end" : text;
        }

        /// <summary>Carries an entry of the service unit into <paramref name="path"/>.</summary>
        private UnitEntry? Carry(string path, UnitEntry? entry)
        {
            Carry(path, unitFile, entry?.Line);
            return entry;
        }

        private void Carry(string path, LintFile file, int? line)
        {
            if (line is not { } l)
            {
                return;
            }

            var at = At(file, l);
            carried.Add(at);
            if (!origins.TryGetValue(path, out var list))
            {
                origins[path] = list = [];
            }

            list.Add(at);
        }

        private static SourceLine At(LintFile file, int line) => new(file.Path, line);

        /// <summary>Variables systemd sets for the service itself (systemd.exec(5) "Environment Variables in Spawned Processes"): unknown at import.</summary>
        private static readonly HashSet<string> SetBySystemd = new(StringComparer.Ordinal)
        {
            "HOME", "USER", "LOGNAME", "SHELL", "INVOCATION_ID", "RUNTIME_DIRECTORY", "STATE_DIRECTORY", "CACHE_DIRECTORY",
            "LOGS_DIRECTORY", "CONFIGURATION_DIRECTORY", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "NOTIFY_SOCKET", "MAINPID",
            "PATH", "LANG", "TERM", "JOURNAL_STREAM", "WATCHDOG_USEC", "WATCHDOG_PID",
        };

        /// <summary>puma's <c>-C</c>/<c>--config</c>, unicorn's <c>-c</c>/<c>--config-file</c>, split or joined with <c>=</c>.</summary>
        private static string? ConfigArgument(IReadOnlyList<string> argv)
        {
            for (var i = 0; i < argv.Count; i++)
            {
                if (argv[i] is "-C" or "-c" or "--config" or "--config-file" && i + 1 < argv.Count)
                {
                    return argv[i + 1];
                }

                if (argv[i].StartsWith("--config=", StringComparison.Ordinal) || argv[i].StartsWith("--config-file=", StringComparison.Ordinal))
                {
                    return argv[i][(argv[i].IndexOf('=', StringComparison.Ordinal) + 1)..];
                }
            }

            return null;
        }
    }

    [GeneratedRegex(@"^\$(\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}|(?<name>[A-Za-z_][A-Za-z0-9_]*))$")]
    private static partial Regex WholeWordVariable();

    [GeneratedRegex(@"\$\$|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}|\$(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"(\bdo(\s*\|[^|]*\|)?|\{(\s*\|[^|]*\|)?)\s*$")]
    private static partial Regex BlockOpener();
}
