using System.Collections.Frozen;
using UnitGen.Formats.Systemd;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint.Rules;

/// <summary>
/// A stop or reload signal puma 5.6.5 does not answer the way the unit expects. Only hand-written units can break
/// this: UnitGen writes TERM to stop puma and USR1/USR2 to restart it (the profile's restart-signal table).
/// </summary>
internal sealed class UG0409SignalPumaDoesNotHandle : LintServiceRule
{
    public override string Code => "UG0409";

    public override Severity Severity => Severity.Error;

    public override string Title => "A stop or reload signal puma does not handle that way: `KillSignal=`/ExecStop= that does not stop puma gracefully, or an ExecReload= signal that is not a restart.";

    public override string Fix => "Stop puma with SIGTERM (systemd's default: drop KillSignal=) or SIGINT; reload with `/bin/kill -USR1 $MAINPID` (phased) or `-USR2` (hot).";

    public override string Explanation =>
        "puma 5.6.5 traps USR2 (hot restart), USR1 (phased restart), TERM (graceful stop), INT (stop) and HUP (reopen logs " +
        "with stdout_redirect, else stop) in lib/puma/launcher.rb setup_signals, and in cluster mode TTIN/TTOU (one worker " +
        "more/less), CHLD and, with fork_worker, URG (lib/puma/cluster.rb setup_signals); docs/signals.md lists the same. Any " +
        "other signal gets Ruby's or the kernel's default: QUIT, ALRM (Ruby raises SignalException) and KILL, ABRT end puma " +
        "at once, dropping the requests in flight; TSTP and STOP suspend it (a suspended puma neither serves nor stops, so " +
        "systemd waits TimeoutStopSec and SIGKILLs it); WINCH is ignored. systemd sends KillSignal= to stop the unit " +
        "(systemd.kill(5)); `systemctl reload` runs ExecReload=.";

    /// <summary>What puma 5.6.5 does on each signal, on Linux (MRI).</summary>
    private static readonly FrozenDictionary<string, (bool Stops, bool Restarts, string Does)> Signals = new Dictionary<string, (bool, bool, string)>
    {
        ["TERM"] = (true, false, "stops gracefully"),
        ["INT"] = (true, false, "stops"),
        ["USR1"] = (false, true, "restarts its workers in phases"),
        ["USR2"] = (false, true, "restarts in place"),
        ["HUP"] = (true, false, "stops (reopens its logs instead when stdout_redirect is set)"),
        ["QUIT"] = (false, false, "is not trapped: Ruby raises SignalException and puma exits at once, dropping the requests in flight"),
        ["ALRM"] = (false, false, "is not trapped: Ruby raises SignalException and puma exits at once, dropping the requests in flight"),
        ["KILL"] = (false, false, "kills puma at once, dropping the requests in flight"),
        ["ABRT"] = (false, false, "is not trapped: puma aborts at once, dropping the requests in flight"),
        ["TSTP"] = (false, false, "is not trapped: the kernel suspends puma, which then neither serves nor stops"),
        ["STOP"] = (false, false, "suspends puma, which then neither serves nor stops"),
        ["TTIN"] = (false, false, "adds a worker (cluster mode) or suspends puma (single mode)"),
        ["TTOU"] = (false, false, "removes a worker (cluster mode) or suspends puma (single mode)"),
        ["WINCH"] = (false, false, "is ignored"),
        ["URG"] = (false, false, "is ignored (forks a worker from worker 0 with fork_worker)"),
        ["CHLD"] = (false, false, "is ignored"),
        ["CONT"] = (false, false, "is ignored"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public override IEnumerable<LintServiceFinding> Check(LintedService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!service.Model.Server.IsPuma || !service.Service.IsUnit)
        {
            yield break;
        }

        var unit = service.Service.Unit;
        // With a wrapper (rvm do, a shell without exec) as the main process, $MAINPID and a KillMode=process/mixed stop
        // signal reach the wrapper, not puma: UG0406/UG0201 say that; what puma would do with the signal is moot.
        var wrapped = UnitGen.Model.Rules.ExecChain.UG0201ForkingExecStart.Wrapper(service.Model.Server.Command) is not null;
        var killMode = unit.Last("Service", "KillMode")?.Value ?? "control-group";
        var redirected = service.AppConfig?.Ruby.Last("stdout_redirect") is not null;
        if (!(wrapped && killMode is "process" or "mixed") && unit.Last("Service", "KillSignal") is { } kill && Name(kill.Value) is { } stop
            && Signals.TryGetValue(stop, out var onStop) && (!onStop.Stops || stop == "HUP" && redirected))
        {
            var does = stop == "HUP" ? "reopens its logs (stdout_redirect is set)" : onStop.Does;
            var then = onStop.Does.Contains("at once", StringComparison.Ordinal) ? string.Empty : "; systemd waits TimeoutStopSec, then SIGKILLs it";
            yield return new LintServiceFinding(service.Service, kill.Line, kill.ValueColumn,
                $"`systemctl stop` sends SIG{stop}, which puma {does}{then}.");
        }

        foreach (var entry in unit.Entries.Where(e => e.Section == "Service" && e.Key is "ExecReload" or "ExecStop"))
        {
            if (wrapped && entry.RawValue.Contains("$MAINPID", StringComparison.Ordinal) || KillSignal(entry.RawValue) is not { } signal || !Signals.TryGetValue(signal, out var does))
            {
                continue;
            }

            // HUP on reload is UG0403's; a stop signal that stops is what ExecStop= wants. With fork_worker, URG is puma's
            // `refork` (puma 6.4.3 lib/puma/cluster.rb traps SIGURG; control_cli.rb maps 'refork' to it): a reload by choice.
            var refork = signal == "URG" && service.Model.Server.ForkWorker;
            var wrong = entry.Key == "ExecReload" ? !does.Restarts && signal != "HUP" && !refork : !does.Stops;
            if (wrong)
            {
                yield return new LintServiceFinding(service.Service, entry.Line, entry.ValueColumn,
                    $"`systemctl {(entry.Key == "ExecReload" ? "reload" : "stop")}` sends SIG{signal}, which puma {does.Does}.");
            }
        }
    }

    /// <summary>A systemd signal name (<c>SIGTERM</c>, <c>TERM</c>, a number is left alone) without <c>SIG</c>.</summary>
    private static string? Name(string value) => value.Trim() is { Length: > 0 } v ? v.StartsWith("SIG", StringComparison.Ordinal) ? v[3..] : v : null;

    /// <summary>The signal of <c>kill -TSTP</c>, <c>kill -SIGTSTP</c>, <c>kill -s TSTP</c>, <c>kill --signal TSTP</c> (a shell's <c>-c</c> script too).</summary>
    private static string? KillSignal(string raw)
    {
        if (ExecCommandLine.Parse(raw, out _) is not { } line)
        {
            return null;
        }

        var words = LintModelBuilder.WithShellScript(line.Words);
        var at = words.IndexOf(words.FirstOrDefault(w => Path.GetFileName(w) == "kill") ?? string.Empty);
        for (var i = at + 1; at >= 0 && i < words.Length; i++)
        {
            var name = words[i] is "-s" or "--signal" && i + 1 < words.Length ? words[i + 1]
                : words[i].StartsWith('-') && words[i].Length > 1 && !char.IsDigit(words[i][1]) ? words[i][1..]
                : null;
            if (name is not null)
            {
                return Name(name);
            }
        }

        return null;
    }
}
