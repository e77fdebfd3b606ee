using UnitGen.Emitters;
using UnitGen.Emitters.Output;
using UnitGen.Formats.Systemd;
using UnitGen.Lint;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Loading;
using UnitGen.Tests.Cli;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Import;

/// <summary>
/// One Procfile (tests/assets/procfile, modeled on impactdialing/impactdialing's), two tools: `unitgen import` +
/// `generate`, and foreman 0.87.2's own `foreman export systemd` with the same options. UnitGen's units pass
/// `systemd-analyze verify` and lint clean; foreman's do not (negative control: the same judges see its
/// `StandardOutput=syslog`). Then every directive that differs between the two is listed with why
/// (<see cref="Differences"/>, also in docs/procfile.md): the test fails when either side changes.
/// </summary>
[Trait(Category.Name, Category.RealTool)]
public sealed class ForemanExportComparisonTests
{
    private const string Root = "/var/www/bookshop";

    /// <summary>(unit pair, Section.Key, foreman's value, UnitGen's value, why). Values of a repeated key are joined with " | "; "—" is absent.</summary>
    public static readonly (string Unit, string Directive, string Foreman, string UnitGen, string Why)[] Differences =
    [
        ("clock", "Install.WantedBy", "—", "bookshop.target", "foreman's units have no [Install]: only its target is enabled, and Wants= pulls them in. UnitGen's instances are WantedBy the target (so `systemctl enable NAME-worker@1` ties them to it); the web service is WantedBy multi-user.target so it starts at boot on its own too"),
        ("clock", "Service.(sandbox)", "—", "28 directives of systemd.hardening", "foreman writes no sandbox; UnitGen writes the systemd.hardening profile (default: read-only system, private /tmp, no new privileges, writable only where the model needs)"),
        ("clock", "Service.Environment", "PORT=5200 | PS=clock.1 | \"RAILS_ENV=production\" | \"REDIS_URL=redis://127.0.0.1:6379/0\"", "—", "foreman writes each variable inline (readable by any user through systemctl show) plus PORT and PS; UnitGen writes them to its env file (mode 0640) and sets neither PORT (the web's port is its socket) nor PS"),
        ("clock", "Service.EnvironmentFile", "—", "/etc/default/bookshop", "UnitGen's env file, generated from `environment` (the .env values)"),
        ("clock", "Service.ExecStart", "/bin/bash -lc 'exec -a \"bookshop-clock.1\" bundle exec clockwork lib/clock.rb'", "bundle exec clockwork lib/clock.rb", "foreman runs every command through a login bash (`bash -lc 'exec -a NAME …'`: the user's profile, rbenv/rvm shims, $PORT expanded at start); UnitGen execs argv directly (no profile is read: set PATH in `environment` or give absolute programs), with $PORT replaced at import"),
        ("clock", "Service.KillMode", "mixed", "—", "foreman: mixed (SIGTERM to the main process, SIGKILL to the rest of the group at the end)"),
        ("clock", "Service.KillSignal", "—", "SIGTERM", "UnitGen says the graceful stop signal explicitly (SIGTERM, systemd's default)"),
        ("clock", "Service.RestartSec", "14s", "1", "foreman waits 14 s before a restart; UnitGen 1 s"),
        ("clock", "Service.StandardError", "syslog", "—", "foreman: syslog, obsolete since systemd 246 (systemd-analyze verify and lint UG0704 say so); UnitGen: the journal (systemd's default)"),
        ("clock", "Service.StandardInput", "null", "—", "foreman says null, which is systemd's default; UnitGen leaves the default"),
        ("clock", "Service.StandardOutput", "syslog", "—", "foreman: syslog, obsolete since systemd 246 (systemd-analyze verify and lint UG0704 say so); UnitGen: the journal (systemd's default)"),
        ("clock", "Service.SyslogIdentifier", "%n", "—", "foreman tags the log with the unit name; the journal records the unit anyway"),
        ("clock", "Service.TimeoutStopSec", "5", "—", "foreman: --timeout (default 5 s) for every process; UnitGen: a command process gets `stopTimeout` (here none: systemd's 90 s); `--timeout` on import sets it"),
        ("clock", "Service.Type", "—", "simple", "UnitGen says Type=simple (Type=notify only with notify and a server/sidekiq that sends READY=1); foreman leaves systemd's default, also simple"),
        ("clock", "Unit.After", "—", "network.target", "UnitGen orders after network.target (and the web after its socket); foreman orders nothing"),
        ("clock", "Unit.Description", "—", "bookshop (clock)", "UnitGen writes a description from the model; foreman none"),
        ("clock", "Unit.StopWhenUnneeded", "yes", "—", "foreman: an instance stops when its target stops wanting it; UnitGen: PartOf= the target already stops and restarts the instances with it"),
        ("release", "(file)", "bookshop-release.1.service", "—", "foreman exports `release` as a service restarted forever; UnitGen does not import it: it runs once per deploy"),
        ("target", "Unit.Description", "—", "bookshop (web server and workers)", "UnitGen writes a description; foreman none"),
        ("target", "Unit.Wants", "bookshop-web.1.service bookshop-worker.1.service bookshop-worker.2.service bookshop-clock.1.service bookshop-release.1.service", "bookshop.service bookshop-worker@1.service bookshop-worker@2.service bookshop-clock@1.service", "foreman: one unit file per instance (NAME-worker.1.service) and the release; UnitGen: one template, instances NAME-worker@1..2 (same count, from --formation), no release"),
        ("web", "Install.WantedBy", "—", "multi-user.target", "foreman's units have no [Install]: only its target is enabled, and Wants= pulls them in. UnitGen's instances are WantedBy the target (so `systemctl enable NAME-worker@1` ties them to it); the web service is WantedBy multi-user.target so it starts at boot on its own too"),
        ("web", "Service.(sandbox)", "—", "28 directives of systemd.hardening", "foreman writes no sandbox; UnitGen writes the systemd.hardening profile (default: read-only system, private /tmp, no new privileges, writable only where the model needs)"),
        ("web", "Service.Environment", "PORT=5000 | PS=web.1 | \"RAILS_ENV=production\" | \"REDIS_URL=redis://127.0.0.1:6379/0\"", "—", "foreman writes each variable inline (readable by any user through systemctl show) plus PORT and PS; UnitGen writes them to its env file (mode 0640) and sets neither PORT (the web's port is its socket) nor PS"),
        ("web", "Service.EnvironmentFile", "—", "/etc/default/bookshop", "UnitGen's env file, generated from `environment` (the .env values)"),
        ("web", "Service.ExecReload", "—", "/bin/kill -HUP $MAINPID", "UnitGen: `systemctl reload` is unicorn's HUP (reload workers); foreman has no reload"),
        ("web", "Service.ExecStart", "/bin/bash -lc 'exec -a \"bookshop-web.1\" bundle exec unicorn -p $PORT -c ./config/unicorn.rb'", "bundle exec --keep-file-descriptors unicorn -c /var/www/bookshop/config/unicorn.rb", "foreman: a login bash running the Procfile's unicorn with -p $PORT and the app's ./config/unicorn.rb; UnitGen: the bundled unicorn with the unicorn.rb it writes (the port is the socket; the app's config is named in a `# not imported` comment)"),
        ("web", "Service.KillMode", "mixed", "process", "unicorn's graceful stop is SIGQUIT to the master alone, which stops its workers itself (KillMode=process)"),
        ("web", "Service.KillSignal", "—", "SIGQUIT", "unicorn's graceful stop is SIGQUIT (SIGTERM is its quick shutdown)"),
        ("web", "Service.NonBlocking", "—", "yes", "socket activation: unicorn takes the socket systemd passes (NonBlocking=yes); foreman has no socket, the port closes during a restart"),
        ("web", "Service.RestartSec", "14s", "1", "foreman waits 14 s before a restart; UnitGen 1 s"),
        ("web", "Service.StandardError", "syslog", "—", "foreman: syslog, obsolete since systemd 246 (systemd-analyze verify and lint UG0704 say so); UnitGen: the journal (systemd's default)"),
        ("web", "Service.StandardInput", "null", "—", "foreman says null, which is systemd's default; UnitGen leaves the default"),
        ("web", "Service.StandardOutput", "syslog", "—", "foreman: syslog, obsolete since systemd 246 (systemd-analyze verify and lint UG0704 say so); UnitGen: the journal (systemd's default)"),
        ("web", "Service.SyslogIdentifier", "%n", "—", "foreman tags the log with the unit name; the journal records the unit anyway"),
        ("web", "Service.TimeoutStopSec", "5", "70", "foreman: 5 s for every process; UnitGen: unicorn's drain (its timeout) + 10 s"),
        ("web", "Service.Type", "—", "simple", "UnitGen says Type=simple (Type=notify only with notify and a server/sidekiq that sends READY=1); foreman leaves systemd's default, also simple"),
        ("web", "Unit.After", "—", "network.target bookshop.socket", "UnitGen orders after network.target (and the web after its socket); foreman orders nothing"),
        ("web", "Unit.Description", "—", "bookshop", "UnitGen writes a description from the model; foreman none"),
        ("web", "Unit.Requires", "—", "bookshop.socket", "the web service needs its socket (socket activation keeps the port open across restarts)"),
        ("web", "Unit.StopWhenUnneeded", "yes", "—", "foreman: an instance stops when its target stops wanting it; UnitGen: PartOf= the target already stops and restarts the instances with it"),
        ("web socket", "(file)", "—", "bookshop.socket", "UnitGen holds the web's port in a .socket (socket activation); foreman has none"),
        ("worker", "Install.WantedBy", "—", "bookshop.target", "foreman's units have no [Install]: only its target is enabled, and Wants= pulls them in. UnitGen's instances are WantedBy the target (so `systemctl enable NAME-worker@1` ties them to it); the web service is WantedBy multi-user.target so it starts at boot on its own too"),
        ("worker", "Service.(sandbox)", "—", "28 directives of systemd.hardening", "foreman writes no sandbox; UnitGen writes the systemd.hardening profile (default: read-only system, private /tmp, no new privileges, writable only where the model needs)"),
        ("worker", "Service.Environment", "PORT=5100 | PS=worker.1 | \"RAILS_ENV=production\" | \"REDIS_URL=redis://127.0.0.1:6379/0\"", "—", "foreman writes each variable inline (readable by any user through systemctl show) plus PORT and PS; UnitGen writes them to its env file (mode 0640) and sets neither PORT (the web's port is its socket) nor PS"),
        ("worker", "Service.EnvironmentFile", "—", "/etc/default/bookshop", "UnitGen's env file, generated from `environment` (the .env values)"),
        ("worker", "Service.ExecReload", "—", "/bin/kill -TSTP $MAINPID", "UnitGen: `systemctl reload` quiets sidekiq (TSTP) before a deploy restarts it; foreman has no reload"),
        ("worker", "Service.ExecStart", "/bin/bash -lc 'exec -a \"bookshop-worker.1\" bundle exec sidekiq -c 8 -q call_flow -t 25'", "bundle exec sidekiq -c 8 -q call_flow -t 25", "foreman runs every command through a login bash (`bash -lc 'exec -a NAME …'`: the user's profile, rbenv/rvm shims, $PORT expanded at start); UnitGen execs argv directly (no profile is read: set PATH in `environment` or give absolute programs), with $PORT replaced at import"),
        ("worker", "Service.KillMode", "mixed", "—", "foreman: mixed (SIGTERM to the main process, SIGKILL to the rest of the group at the end)"),
        ("worker", "Service.KillSignal", "—", "SIGTERM", "sidekiq's graceful stop is SIGTERM: wait -t, push unfinished jobs back to Redis"),
        ("worker", "Service.RestartSec", "14s", "1", "foreman waits 14 s before a restart; UnitGen 1 s"),
        ("worker", "Service.StandardError", "syslog", "—", "foreman: syslog, obsolete since systemd 246 (systemd-analyze verify and lint UG0704 say so); UnitGen: the journal (systemd's default)"),
        ("worker", "Service.StandardInput", "null", "—", "foreman says null, which is systemd's default; UnitGen leaves the default"),
        ("worker", "Service.StandardOutput", "syslog", "—", "foreman: syslog, obsolete since systemd 246 (systemd-analyze verify and lint UG0704 say so); UnitGen: the journal (systemd's default)"),
        ("worker", "Service.SyslogIdentifier", "%n", "—", "foreman tags the log with the unit name; the journal records the unit anyway"),
        ("worker", "Service.TimeoutStopSec", "5", "35", "foreman: 5 s, so sidekiq -t 25 is cut short and running jobs are killed, not pushed back; UnitGen: -t 25 + 10 s (UG0801)"),
        ("worker", "Service.Type", "—", "simple", "UnitGen says Type=simple (Type=notify only with notify and a server/sidekiq that sends READY=1); foreman leaves systemd's default, also simple"),
        ("worker", "Unit.After", "—", "network.target", "UnitGen orders after network.target (and the web after its socket); foreman orders nothing"),
        ("worker", "Unit.Description", "—", "bookshop (worker)", "UnitGen writes a description from the model; foreman none"),
        ("worker", "Unit.StopWhenUnneeded", "yes", "—", "foreman: an instance stops when its target stops wanting it; UnitGen: PartOf= the target already stops and restarts the instances with it"),
    ];

    [Fact]
    public void Foremans_export_and_unitgens_files_for_the_same_procfile_differ_exactly_as_documented()
    {
        using var dir = new TempFolder();
        var procfile = Path.Combine(dir.Path, "Procfile");
        var env = Path.Combine(dir.Path, "env");
        File.Copy(Path.Combine(RepoPaths.Root, "tests", "assets", "procfile", "Procfile"), procfile);
        File.Copy(Path.Combine(RepoPaths.Root, "tests", "assets", "procfile", "env"), env);
        string[] options = ["--app", "bookshop", "--user", "deploy", "--root", Root, "--formation", "all=1,worker=2", "--env", env];

        var foremanDir = Path.Combine(dir.Path, "foreman");
        var foreman = ExternalTool.Run("foreman", ["export", "systemd", foremanDir, "--procfile", procfile, .. options], workingDirectory: dir.Path);
        Assert.True(foreman.ExitCode == 0, foreman.Output);

        var model = Path.Combine(dir.Path, "unitgen.yaml");
        var import = CliRun.Of(["import", procfile, "--out", model, .. options]);
        Assert.True(import.ExitCode == 0, import.Stderr);
        var loaded = ModelLoader.LoadFile(model);
        Assert.NotNull(loaded.Model);
        var ours = Path.Combine(dir.Path, "unitgen");
        OutputWriter.Write(ours, Generator.Emit(loaded.Model), checkOnly: false);
        var ourUnits = Directory.GetFiles(Path.Combine(ours, "systemd"));
        var theirUnits = Directory.GetFiles(foremanDir);

        // The judges: systemd-analyze verify and lint say nothing about UnitGen's units, and do about foreman's.
        Assert.Empty(SystemdVerify.ProblemsWith(ourUnits));
        Assert.Contains(SystemdVerify.ProblemsWith(theirUnits), l => l.Contains("syslog is obsolete", StringComparison.Ordinal));
        var ourFiles = LintInput.Read(Directory.GetFiles(ours, "*", SearchOption.AllDirectories).Where(f => LintFile.KindOf(f) is not null), findGemfileLock: false);
        Assert.Empty(ourFiles.Problems.AddRange(Linter.Lint(ourFiles.Files)).Where(d => d.Severity != Severity.Info).Select(d => d.ToString()));
        var theirFiles = LintInput.Read(theirUnits.Where(f => LintFile.KindOf(f) is not null), findGemfileLock: false);
        Assert.Contains(Linter.Lint(theirFiles.Files), d => d.Code == "UG0704");

        (string Label, string? Foreman, string? Ours)[] pairs =
        [
            ("web", "bookshop-web.1.service", "bookshop.service"),
            ("web socket", null, "bookshop.socket"),
            ("worker", "bookshop-worker.1.service", "bookshop-worker@.service"),
            ("clock", "bookshop-clock.1.service", "bookshop-clock@.service"),
            ("release", "bookshop-release.1.service", null),
            ("target", "bookshop.target", "bookshop.target"),
        ];
        var actual = pairs.SelectMany(p => Compare(p.Label, p.Foreman is null ? null : Path.Combine(foremanDir, p.Foreman), p.Ours is null ? null : Path.Combine(ours, "systemd", p.Ours)))
            .Order().ToList();
        var expected = Differences.Select(d => (d.Unit, d.Directive, d.Foreman, d.UnitGen)).Order().ToList();

        Assert.True(expected.SequenceEqual(actual), "Differences now:\n" + string.Join('\n', actual.Select(a => $"        (\"{a.Item1}\", \"{a.Item2}\", {Literal(a.Item3)}, {Literal(a.Item4)}, \"\"),")));
    }

    private static string Literal(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>Every Section.Key whose values differ; UnitGen's sandbox (after its "# Hardening profile" line) is one row.</summary>
    private static IEnumerable<(string, string, string, string)> Compare(string label, string? foremanPath, string? oursPath)
    {
        if (foremanPath is null || oursPath is null)
        {
            yield return (label, "(file)", foremanPath is null ? "—" : Path.GetFileName(foremanPath), oursPath is null ? "—" : Path.GetFileName(oursPath));
            yield break;
        }

        var theirs = SystemdUnitReader.Parse(File.ReadAllText(foremanPath), foremanPath);
        var text = File.ReadAllText(oursPath);
        var ours = SystemdUnitReader.Parse(text, oursPath);
        var lines = text.Split('\n');
        var sandboxFrom = Array.FindIndex(lines, l => l.StartsWith("# Hardening profile", StringComparison.Ordinal)) + 1;
        bool Sandbox(UnitEntry e) => sandboxFrom > 0 && e.Section == "Service" && e.Line > sandboxFrom;
        var sandbox = ours.Entries.Where(Sandbox).ToList();
        if (sandbox.Count > 0)
        {
            yield return (label, "Service.(sandbox)", "—", $"{sandbox.Select(e => e.Key).Distinct().Count()} directives of systemd.hardening");
        }

        var keys = theirs.Entries.Concat(ours.Entries.Where(e => !Sandbox(e))).Select(e => (e.Section, e.Key)).Distinct();
        foreach (var (section, key) in keys)
        {
            string Values(UnitFile unit, bool skipSandbox) =>
                unit.All(section, key).Where(e => !skipSandbox || !Sandbox(e)) is var all && all.Any() ? string.Join(" | ", all.Select(e => e.RawValue)) : "—";
            var theirValue = Values(theirs, false);
            var ourValue = Values(ours, true);
            if (theirValue != ourValue)
            {
                yield return (label, $"{section}.{key}", theirValue, ourValue);
            }
        }
    }
}
