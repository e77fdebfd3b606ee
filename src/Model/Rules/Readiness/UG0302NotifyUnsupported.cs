using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Readiness;

internal sealed class UG0302NotifyUnsupported : Rule
{
    public override string Code => "UG0302";

    public override Severity Severity => Severity.Error;

    public override string Title => "Type=notify where the server cannot notify: the unit hangs in \"activating\" and is killed at TimeoutStartSec.";

    public override string Fix => "puma 5.1–6.0: add the sd_notify gem and set `server.sdNotifyGem: true`; puma < 5.1, unicorn: drop `notify`; kestrel: call UseSystemd() and set `server.useSystemd: true`.";

    public override string Explanation =>
        "Puma notifies natively from 6.1; 5.1–6.0 only with the sd_notify gem (puma 5.6.5 lib/puma/launcher.rb: " +
        "`require 'puma/systemd'` → `require 'sd_notify'`, else \"Systemd integration failed\"); older never; JRuby " +
        "never. Unicorn never sends READY=1. Kestrel does when the app calls UseSystemd(). An unknown puma version is " +
        "treated as 5.1–6.0.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.Systemd.Notify && !model.Server.Profile.CanNotify(model.Server))
        {
            var server = model.Server.Type.ToString().ToLowerInvariant();
            var version = model.Server.Version is { } v ? $" {v}" : " (version unknown)";
            yield return new Finding("systemd.notify", $"{server}{(model.Server.IsPuma ? version : string.Empty)} will not send READY=1 here: the unit never becomes active.");
        }
    }
}
