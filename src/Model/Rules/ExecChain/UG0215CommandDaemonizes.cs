using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.ExecChain;

internal sealed class UG0215CommandDaemonizes : Rule
{
    public override string Code => "UG0215";

    public override Severity Severity => Severity.Error;

    /// <summary>Lint judges hand-written files with UG0206, which also weighs Type=forking and the puma version.</summary>
    public override bool ModelOnly => true;

    public override string Title => "`server.command` tells the server to daemonize (puma `-d`, unicorn `-D`): the process the supervisor started exits, and the service stops or restarts beside the detached server.";

    public override string Fix => "Remove the option: the generated unit and run script keep the server in the foreground, where systemd and runsv watch it.";

    public override string Explanation =>
        "UnitGen writes Type=simple or Type=notify units and runit run scripts that exec the server, so the process " +
        "the supervisor starts must stay in the foreground (daemon(7): new-style daemons do not fork). A daemonizing " +
        "server exits in that process: systemd takes the service as finished and stops what is left of it " +
        "(KillMode=control-group), and runsv starts the run script again, whose server cannot bind the port the " +
        "detached one holds (runsv(8)). Puma 5.0 removed `-d`/`--daemon` altogether (History.md 5.0.0, #2170), so there " +
        "it is an invalid option and puma exits at boot; unicorn 6.0.0 still daemonizes with `-D`/`--daemonize` " +
        "(bin/unicorn). The options come from the server's profile. Lint reports the same mistake in hand-written files as UG0206.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var profile = model.Server.Profile;
        var command = model.Server.Command;
        for (var i = 0; i < command.Length; i++)
        {
            if (profile.DaemonizeOptions.Contains(command[i]))
            {
                yield return new Finding($"server.command[{i}]",
                    $"`{command[i]}` makes {profile.Name} daemonize: the process the supervisor started exits, and the service stops (systemd) or starts again beside the detached server, which keeps the port (runit).");
            }
        }
    }
}
