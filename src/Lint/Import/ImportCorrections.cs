using System.Collections.Immutable;
using UnitGen.Model;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Rules;

namespace UnitGen.Lint.Import;

/// <summary>
/// One fix import applies when the model it read breaks a rule: the code, the model key it rewrites, and the rewrite.
/// The corrected value keeps what the source does at run time where that works (a USR1 reload of a preloading puma
/// is a hot restart, so <c>restart: hot</c>), or else what the rule's fix says; the written key carries the note
/// <c>was …: UGxxxx …</c>, so the user sees every change and its reason.
/// </summary>
/// <param name="Code">The rule whose finding this corrects.</param>
/// <param name="Path">The model key the note is written above.</param>
/// <param name="Apply">The corrected model, or null when this correction does not apply to the finding.</param>
internal sealed record ImportCorrection(string Code, string Path, Func<ServiceModel, ServiceModel?> Apply);

/// <summary>
/// The corrections import applies to a model that validate would refuse (errors, and the warnings lint also reports on the
/// generated files), each once, until the model validates: the source's mistakes are not carried into generated files.
/// What no correction covers stays, and import says so in the written model's header (generate refuses it until fixed).
/// </summary>
internal static partial class ImportCorrections
{
    private static ServiceModel? WithoutDaemonizeOptions(ServiceModel m) =>
        m.Server.Command.Where(w => !m.Server.Profile.DaemonizeOptions.Contains(w)).ToList() is var argv && argv.Count != m.Server.Command.Length
            ? m with { Server = m.Server with { Command = [.. argv] } }
            : null;

    /// <summary>systemd rewrites /var/run to /run for ListenStream= (UG0725); old puma binds the old path (UG0112, puma#2638).</summary>
    private static ServiceModel? RunInsteadOfVarRun(ServiceModel m) =>
        m.Listen.Any(l => l.Address is UnixAddress u && u.Path.StartsWith("/var/run/", StringComparison.Ordinal))
            ? m with { Listen = [.. m.Listen.Select(l => l.Address is UnixAddress u && u.Path.StartsWith("/var/run/", StringComparison.Ordinal) ? l with { Address = new UnixAddress(u.Path["/var".Length..]) } : l)] }
            : null;

    private static ServiceModel? DropBinds(ServiceModel m) =>
        m.Server.Binds is null ? null : m with { Server = m.Server with { Binds = null } };

    public static readonly ImmutableArray<ImportCorrection> All =
    [
        // Binds that differ from the sockets: UnitGen writes the binds from `listen`, exactly as puma/unicorn match them.
        new("UG0101", "server.binds", DropBinds),
        new("UG0102", "server.binds", DropBinds),
        new("UG0103", "server.binds", DropBinds),
        new("UG0104", "server.binds", DropBinds),
        new("UG0105", "server.binds", DropBinds),
        new("UG0106", "server.binds", DropBinds),
        new("UG0107", "server.binds", DropBinds),
        // systemd rewrites /var/run to /run for ListenStream=; old puma binds the old path (puma#2638).
        new("UG0112", "listen", RunInsteadOfVarRun),
        // bundler < 2.2.26 (or unknown) closes the inherited sockets unless told to keep them.
        new("UG0202", "server.command", m => m.Server.Command.IndexOf("exec") is var at and >= 0 && !m.Server.Command.Contains("--keep-file-descriptors")
            && m.Server.Command.Take(at).Any(w => System.IO.Path.GetFileName(w) == "bundle")
            ? m with { Server = m.Server with { Command = [.. m.Server.Command.Take(at + 1), "--keep-file-descriptors", .. m.Server.Command.Skip(at + 1).Where(w => w != "--no-keep-file-descriptors")] } }
            : null),
        // A command UnitGen cannot give the generated config to, or a shell that keeps the server as its child: the
        // derived command loads the generated config and is the main process.
        new("UG0211", "server.command", m => m.Server.Command.Length == 0 ? null : m with { Server = m.Server with { Command = [] } }),
        new("UG0201", "server.command", m => m.Server.Command.Length == 0 ? null : m with { Server = m.Server with { Command = [] } }),
        // A `-C` lint read for a server UnitGen writes no config for (sidekiq's sidekiq.yml as a command): it stays in the command.
        new("UG0214", "server.config", m => m.Server.Config is not null && !m.Server.Profile.ServerKeys.Contains("config")
            ? m with { Server = m.Server with { Config = null } } : null),
        // Binds on the command line replace the generated config's (puma 5.6.5 cli.rb): the sockets of `listen` are the binds.
        new("UG0212", "server.command", m => WithoutCommandLineBinds(m.Server.Command) is var argv && argv.SequenceEqual(m.Server.Command) ? null
            : m with { Server = m.Server with { Command = [.. argv] } }),
        // puma.rb's `workers` wins over WEB_CONCURRENCY (puma 5.6.5 configuration.rb: the env var is only a default): the app
        // reading WEB_CONCURRENCY now sees the worker count puma runs.
        new("UG0504", "environment.WEB_CONCURRENCY", m => m.Server.Workers is { } w && m.Environment.Any(v => v.Name == "WEB_CONCURRENCY")
            ? m with { Environment = [.. m.Environment.Select(v => v.Name == "WEB_CONCURRENCY" ? v with { Value = w.ToString(System.Globalization.CultureInfo.InvariantCulture) } : v)] }
            : null),
        // Lint-only mistakes of the source (no model rule reports them): found by lint on the source files.
        // systemd rewrites /var/run to /run (UG0725): the model says the path systemd uses.
        new("UG0725", "listen", RunInsteadOfVarRun),
        // `syslog` output is obsolete; systemd writes to the journal (UG0704): the model without it says the same.
        new("UG0704", "systemd.stdout", m => m.Systemd.Stdout is "syslog" or "syslog+console" ? m with { Systemd = m.Systemd with { Stdout = null } } : null),
        new("UG0704", "systemd.stderr", m => m.Systemd.Stderr is "syslog" or "syslog+console" ? m with { Systemd = m.Systemd with { Stderr = null } } : null),
        // A daemonizing server (UG0206): UnitGen runs it in the foreground (Type=simple), without the flag.
        new("UG0206", "server.command", WithoutDaemonizeOptions),
        new("UG0215", "server.command", WithoutDaemonizeOptions),
        // Root: the source runs as root; the model says so explicitly (and the generated unit states it), the user decides.
        new("UG0705", "allowRoot", m => m.AllowRoot ? null : m with { AllowRoot = true }),
        // Readiness the server cannot give: Type=simple (puma < 5.1, or without sd_notify), no watchdog without notify.
        new("UG0302", "systemd.notify", m => m.Systemd.Notify ? m with { Systemd = m.Systemd with { Notify = false } } : null),
        new("UG0301", "systemd.watchdogSec", m => m.Systemd.WatchdogSec is null ? null : m with { Systemd = m.Systemd with { WatchdogSec = null } }),
        // puma answers USR1 with a hot restart when it preloads or runs without workers (lib/puma/launcher.rb phased_restart):
        // the source restarts hot, and says so now.
        new("UG0402", "restart", m => m.Restart == RestartStrategy.Phased && m.Server.IsPuma ? m with { Restart = RestartStrategy.Hot } : null),
        new("UG0401", "restart", m => m.Restart == RestartStrategy.Phased && m.Server.IsPuma ? m with { Restart = RestartStrategy.Hot } : null),
        // A log target systemd refuses falls back to the journal, which is what the model without it writes.
        new("UG0724", "systemd.stdout", m => m.Systemd.Stdout is null ? null : m with { Systemd = m.Systemd with { Stdout = null } }),
        new("UG0724", "systemd.stderr", m => m.Systemd.Stderr is null ? null : m with { Systemd = m.Systemd with { Stderr = null } }),
    ];

    /// <summary>The warnings that lint reports on generated files too: corrected like errors.</summary>
    private static readonly HashSet<string> CorrectedWarnings = new(StringComparer.Ordinal) { "UG0102", "UG0214", "UG0504" };

    /// <summary>The words without puma's <c>-b URI</c>, <c>--bind URI</c>, <c>--bind=URI</c>, <c>-p N</c>, <c>--port N</c> (also inside a shell's script word).</summary>
    private static IEnumerable<string> WithoutCommandLineBinds(IReadOnlyList<string> argv)
    {
        for (var i = 0; i < argv.Count; i++)
        {
            if (argv[i] is "-b" or "--bind" or "-p" or "--port" && i + 1 < argv.Count)
            {
                i++;
            }
            else if (!argv[i].StartsWith("--bind=", StringComparison.Ordinal) && !argv[i].StartsWith("--port=", StringComparison.Ordinal))
            {
                yield return argv[i].Contains(' ', StringComparison.Ordinal) ? ScriptBinds().Replace(argv[i], string.Empty) : argv[i];
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+(-b|--bind|-p|--port)(\s+|=)\S+")]
    private static partial System.Text.RegularExpressions.Regex ScriptBinds();

    /// <summary>
    /// Corrects <paramref name="model"/> one finding at a time (each correction applies to the keys its finding names)
    /// and returns it with a note per corrected key; the findings left are those no correction covers.
    /// </summary>
    public static (ServiceModel Model, ImmutableDictionary<string, string> Notes, ImmutableArray<Diagnostic> Left) Correct(
        ServiceModel model, Func<ServiceModel, string, string> was, IReadOnlyCollection<string>? except = null, IReadOnlyList<Diagnostic>? lintOnly = null)
    {
        except ??= [];
        lintOnly ??= [];
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(was);
        var notes = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var used = new HashSet<ImportCorrection>();
        for (var round = 0; round < All.Length; round++)
        {
            // Lint-only findings of the source stand until the correction that answers them applied.
            var findings = Blocking(model).AddRange(lintOnly.Where(d => All.Any(c => c.Code == d.Code && !used.Contains(c) && c.Apply(model) is not null)));
            var next = findings
                .SelectMany(d => All.Where(c => c.Code == d.Code && !except.Contains(c.Code) && !used.Contains(c) && (d.Path is null || All.Count(o => o.Code == c.Code) == 1 || Related(d.Path, c.Path)))
                    .Select(c => (Finding: d, Correction: c)))
                .Select(x => (x.Finding, x.Correction, Model: x.Correction.Apply(model)))
                .FirstOrDefault(x => x.Model is not null);
            if (next.Model is null)
            {
                return (model, notes.ToImmutable(), findings);
            }

            used.Add(next.Correction);
            var note = $"was {was(model, next.Correction.Path)}: {next.Finding.Code} {next.Finding.Message}";
            notes[next.Correction.Path] = notes.TryGetValue(next.Correction.Path, out var earlier) ? earlier + " Then " + note : note;
            model = next.Model;
        }

        return (model, notes.ToImmutable(), Blocking(model));
    }

    private static ImmutableArray<Diagnostic> Blocking(ServiceModel model) =>
        [.. Validator.Validate(model, new SourceMap("unitgen.yaml")).Where(d => d.IsError || CorrectedWarnings.Contains(d.Code))];

    /// <summary>Where a code has several corrections (UG0724: stdout, stderr), the one at the finding's key.</summary>
    private static bool Related(string finding, string key) =>
        finding == key || finding.StartsWith(key + "[", StringComparison.Ordinal) || finding.StartsWith(key + ".", StringComparison.Ordinal);
}
