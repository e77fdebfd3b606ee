using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Restarts;

internal sealed class UG0404UnicornReexecUnderSystemd : Rule
{
    public override string Code => "UG0404";

    public override Severity Severity => Severity.Error;

    public override string Title => "Unicorn hot restart (USR2 re-exec) under systemd without socket activation: the main PID changes and systemd loses the server.";

    public override string Fix => "Keep socket activation on (a hot restart is then a restart with the socket held), or use `restart: normal` (HUP).";

    public override string Explanation =>
        "USR2 makes unicorn fork+exec a new master with a NEW PID, then the old one quits; systemd sees its main PID " +
        "exit (unicorn examples/unicorn@.service: \"SIGUSR2 upgrades do not work under systemd\").";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.Server.Profile.SignalFor(model.Restart) is { KeepsMainPid: false } signal && model.Supervises(Supervisor.Systemd) && !model.SocketActivation)
        {
            yield return new Finding("restart", $"A {model.Server.Profile.Name} {signal.Signal} re-exec changes the main PID; systemd would stop tracking the server.");
        }
    }
}
