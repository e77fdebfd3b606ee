using UnitGen.Model;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint.Rules;

internal sealed class UG0205ForkingTypeWithForegroundServer : LintServiceRule
{
    public override string Code => "UG0205";

    public override Severity Severity => Severity.Error;

    public override string Title => "Type=forking for a server that stays in the foreground: systemd waits for a fork that never comes and kills the service at TimeoutStartSec.";

    public override string Fix => "Use `Type=simple` (or `Type=notify` where the server notifies) and drop PIDFile=.";

    public override string Explanation =>
        "With Type=forking systemd considers the start finished when the process it started exits (systemd.service(5)); puma " +
        "without `-d`/daemonize and unicorn without `-D` never exit, so the start job runs until TimeoutStartSec (90 s by " +
        "default), then systemd kills the server and the unit fails. Puma 5.0 removed daemonizing altogether (History.md 5.0.0: " +
        "\"Daemonization has been removed without replacement\", #2170), so puma 5+ under Type=forking always fails this way.";

    public override IEnumerable<LintServiceFinding> Check(LintedService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!service.IsSystemd || service.Service.Unit.Last("Service", "Type") is not { Value: "forking" } type
            || service.Model.Server.Profile is not { DaemonizeOptions: [var option, ..] } server
            || ServerDaemon.Daemonizes(service) is not null)
        {
            yield break;
        }

        var how = server.DaemonizeCall is { } call ? $"`{option}`/{call}" : $"`{option}`";
        yield return new LintServiceFinding(service.Service, type.Line, type.ValueColumn,
            $"{server.Name} stays in the foreground here (no {how}): systemd waits for it to fork and exit, then kills it at TimeoutStartSec.");
    }
}
