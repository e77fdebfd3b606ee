using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Processes;

internal sealed class UG0805WatchdogOnSilentProcess : Rule
{
    public override string Code => "UG0805";

    public override Severity Severity => Severity.Error;

    public override string Title => "`watchdogSec` on a process that never pings the watchdog: systemd kills it every watchdogSec, mid-job.";

    public override string Fix => "Set `notify: true` on a process that can notify (sidekiq ≥ 6.0.6 with `version`), or remove `watchdogSec`.";

    public override string Explanation =>
        "WatchdogSec= expects WATCHDOG=1 over NOTIFY_SOCKET at least that often, else systemd kills the service with " +
        "SIGABRT (systemd.service(5)). Sidekiq 6.4.1 pings only from bin/sidekiq `integrate_with_systemd`, which runs " +
        "only when NOTIFY_SOCKET is set — that is, under Type=notify — and only from 6.0.6 (lib/sidekiq/systemd.rb " +
        "`start_watchdog` pings every WATCHDOG_USEC/2). Without `notify` UnitGen writes Type=simple, where no process " +
        "of the unit may notify (NotifyAccess=none), so nothing pings.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var process in model.Processes.Where(p => p.WatchdogSec is not null))
        {
            if (!process.Notify || !process.Profile.CanNotify(process))
            {
                yield return new Finding($"processes.{process.Name}.watchdogSec",
                    $"WatchdogSec={process.WatchdogSec} on `{process.Name}`, which {(process.Notify ? "cannot notify" : "has no `notify`")}: nothing pings, so systemd kills it every {process.WatchdogSec} s.");
            }
        }
    }
}
