using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Restarts;

public sealed class UG0405RestartClosesSocket : Rule
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
        if (model.Restart == RestartStrategy.Normal || model.Server.IsPuma || !model.Supervises(Supervisor.Systemd))
        {
            yield break;
        }

        if (model.Restart == RestartStrategy.Phased && model.Server.Type != ServerType.Unicorn)
        {
            yield return new Finding("restart", $"{model.Server.Type.ToString().ToLowerInvariant()} has no phased (rolling) restart: `restart: phased` cannot keep serving while the app is replaced.");
        }
        else if (model.Restart == RestartStrategy.Hot && !model.SocketActivation && model.Server.Type != ServerType.Unicorn)
        {
            yield return new Finding("restart", $"{model.Server.Type.ToString().ToLowerInvariant()} has no in-place re-exec, and without socket activation nobody holds the port: a `restart: hot` is a stop + start, and connections are refused until the app has booted again.");
        }
    }
}
