using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Runit;

internal sealed class UG0601UnicornFollowerWithoutPidfile : Rule
{
    public override string Code => "UG0601";

    public override Severity Severity => Severity.Error;

    public override string Title => "Unicorn under runit with nothing that follows the new master: after a USR2 upgrade runsv loses it.";

    public override string Fix =>
        "Set `server.pidfile` (or `directory`, for the default DIRECTORY/tmp/pids/unicorn.pid). In a hand-written run " +
        "script, exec a foreground wrapper that follows the master through the pid file, as the generated one does.";

    public override string Explanation =>
        "A USR2 upgrade forks a new master with a new PID and the old one quits (unicorn lib/unicorn/http_server.rb " +
        "`reexec`). runsv watches the process ./run started (runit runsv(8)), so when the old master exits it starts ./run again while " +
        "the new master holds the port. UnitGen's run script therefore execs `unicorn-follow`, which stays in the " +
        "foreground and follows the master named in unicorn's pid file (renamed PID.oldbin for the old master during " +
        "the upgrade). Without a pid file there is nothing to follow. `unitgen lint` reports the same code for a " +
        "hand-written run script that execs unicorn (or `bundle exec unicorn`) itself.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.Server.Profile.ReexecsMaster && model.Supervises(Supervisor.Runit) && model.Server.Profile.MasterPidfile(model) is null)
        {
            yield return new Finding("server", "unicorn under runit needs a pid file to follow its master across USR2 upgrades; the model has neither `server.pidfile` nor `directory`.");
        }
    }
}
