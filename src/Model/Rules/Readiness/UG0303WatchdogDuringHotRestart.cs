using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Readiness;

internal sealed class UG0303WatchdogDuringHotRestart : Rule
{
    public override string Code => "UG0303";

    public override Severity Severity => Severity.Warning;

    public override string Title => "Watchdog with hot restarts: puma does not ping the watchdog while it re-execs, so a slow boot is killed.";

    public override string Fix => "Make `watchdogSec` longer than the app's boot time, or use phased restarts.";

    public override string Explanation =>
        "During a hot restart (USR2, Kernel.exec in place) no thread pings WATCHDOG=1 until the new process has booted " +
        "and started its watchdog thread again (puma issue #3675).";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.Systemd.Notify && model.Systemd.WatchdogSec is { } sec && model.Restart == RestartStrategy.Hot && model.Server.IsPuma)
        {
            yield return new Finding("systemd.watchdogSec", $"A hot restart that takes longer than {sec} s to boot is killed by the watchdog.");
        }
    }
}
