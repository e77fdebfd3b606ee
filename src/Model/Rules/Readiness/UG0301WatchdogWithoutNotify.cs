using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Readiness;

internal sealed class UG0301WatchdogWithoutNotify : Rule
{
    public override string Code => "UG0301";

    public override Severity Severity => Severity.Error;

    public override string Title => "WatchdogSec without Type=notify: nothing pings the watchdog and systemd kills the service every WatchdogSec.";

    public override string Fix => "Set `systemd.notify: true` (where the server can notify), or remove `watchdogSec`.";

    public override string Explanation =>
        "The watchdog expects WATCHDOG=1 over NOTIFY_SOCKET (sd_notify(3)); puma's systemd plugin sends it only when it " +
        "integrates with systemd (lib/puma/launcher.rb integrate_with_systemd), i.e. under Type=notify.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.Systemd.WatchdogSec is not null && !model.Systemd.Notify)
        {
            yield return new Finding("systemd.watchdogSec", $"WatchdogSec={model.Systemd.WatchdogSec} without notify: the service is killed every {model.Systemd.WatchdogSec} s.");
        }
    }
}
