using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Restarts;

internal sealed class UG0405RestartClosesSocket : Rule
{
    public override string Code => "UG0405";

    public override Severity Severity => Severity.Error;

    public override string Title => "A hot or phased restart that closes the listening socket: requests are refused during the restart.";

    public override string Fix => "Turn socket activation on (systemd holds the socket across the restart), or use `restart: normal`.";

    public override string Explanation =>
        "Zero-downtime restarts need someone to hold the listening socket: systemd (socket activation) or the server " +
        "re-exec'ing in place (puma USR2/USR1). Kestrel and other commands have no in-process re-exec, and only puma " +
        "and unicorn have a phased (rolling) restart.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.Restart == RestartStrategy.Normal || model.Server.Profile.SignalFor(model.Restart) is not null)
        {
            yield break;
        }

        var profile = model.Server.Profile;
        var server = profile.Name;
        // Socket activation is the fix only where systemd supervises and the server can take the socket (UG0109).
        var canTakeSocket = profile.AcceptsActivatedSockets(model.Server) || profile.TakesActivatedSocketsWhen is not null;
        var normal = $"Use `restart: normal`: {server} cannot take a socket systemd holds, so nothing keeps the port across a restart.";
        if (model.Restart == RestartStrategy.Phased)
        {
            yield return new Finding("restart", $"{server} has no phased (rolling) restart: `restart: phased` cannot keep serving while the app is replaced.")
            {
                Fix = canTakeSocket ? null : normal,
            };
        }
        else if (model.Supervises(Supervisor.Systemd) && !model.SocketActivation)
        {
            yield return new Finding("restart", $"{server} has no in-place re-exec, and without socket activation nobody holds the port: a `restart: hot` is a stop + start, and connections are refused until the app has booted again.")
            {
                Fix = canTakeSocket ? null : normal,
            };
        }
        else if (model.Supervises(Supervisor.Runit))
        {
            // runsv has no socket to hand over; only a server that re-execs itself keeps its port.
            yield return new Finding("restart", $"{server} has no in-place re-exec and runit holds no socket: under runit a `restart: hot` is a stop + start, and connections are refused until the app has booted again.")
            {
                Fix = canTakeSocket ? "Use `restart: normal` under runit, or supervise it with systemd with socket activation on." : normal,
            };
        }
    }
}
