using UnitGen.Model.Diagnostics;
using UnitGen.Model.Servers;

namespace UnitGen.Model.Rules.Runit;

internal sealed class UG0603RunitRestartCommands : Rule
{
    public override string Code => "UG0603";

    public override Severity Severity => Severity.Info;

    public override string Title => "Under runit, `sv restart` stops the server and nobody holds its socket: restart with `sv reload`, `sv 1` or `sv 2`.";

    public override string Fix => "Deploy with `sv reload` (mapped by the generated control/h), `sv 1` (puma phased) or `sv 2` (puma hot, unicorn upgrade); they return at once.";

    public override string Explanation =>
        "`sv restart` sends TERM, CONT and up, then waits up to 7 s (sv(8)); the process exits and runit holds no " +
        "listening socket, so connections are refused until the app has booted again. Zero-downtime restarts under " +
        "runit happen inside the server: puma USR2 (hot, same PID, listeners kept) and USR1 (phased), unicorn USR2 " +
        "(re-exec with inherited sockets, followed by unicorn-follow). runsv runs control/h for `sv reload` and does " +
        "not send HUP when it exits 0 (runsv(8)); HUP would shut puma down (puma docs/signals.md). The `sv` " +
        "commands for signals only write to the control pipe, so they return at once.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        var profile = model.Server.Profile;
        if (model.Supervises(Supervisor.Runit) && model.Restart != RestartStrategy.Normal && !profile.RestartSignals.IsEmpty)
        {
            yield return new Finding("restart", $"Under runit restart with {Commands(profile, model.Restart)}, not `sv restart`, which refuses connections until the app has booted.");
        }
    }

    /// <summary>
    /// `sv reload` runs control/h (<see cref="ServerProfile.RunitReload"/>); runsv sends USR1 for `sv 1` and USR2
    /// for `sv 2` itself (runsv(8)), so those name the strategy's signal and the hot restart.
    /// </summary>
    private static string Commands(ServerProfile profile, RestartStrategy restart)
    {
        if (profile.RunitReload(restart) is null)
        {
            return $"`sv reload` ({profile.SignalFor(restart)?.Label})";
        }

        var numbered = profile.RestartSignals
            .Where(s => s.Strategy == restart || s.Strategy == RestartStrategy.Hot)
            .Select(s => s.Signal switch { "USR1" => $"`sv 1` ({s.Label})", "USR2" => $"`sv 2` ({s.Label})", _ => null })
            .OfType<string>();
        return "`sv reload` or " + string.Join(", ", numbered);
    }
}
