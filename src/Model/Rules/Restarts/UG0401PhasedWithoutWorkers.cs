using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Restarts;

internal sealed class UG0401PhasedWithoutWorkers : Rule
{
    public override string Code => "UG0401";

    public override Severity Severity => Severity.Error;

    public override string Title => "Phased restart without enough workers: single mode has no phased restart; one worker means no worker serves while it is replaced.";

    public override string Fix => "Set `server.workers` to 2 or more, or use `restart: hot`.";

    public override string Explanation =>
        "USR1 is a phased restart only in cluster mode (puma docs/signals.md, lib/puma/cluster.rb phased_restart): " +
        "workers are replaced one at a time while the others serve. With workers 0 puma is in single mode; with 1 " +
        "there is a gap while the only worker restarts.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.Restart != RestartStrategy.Phased || !model.Server.IsPuma)
        {
            yield break;
        }

        var path = model.Server.Workers is null ? "restart" : "server.workers";
        switch (PumaFacts.Workers(model))
        {
            case 0:
                yield return new Finding(path, "Phased restart with 0 workers: puma runs in single mode and has no phased restart.");
                break;
            case 1:
                yield return new Finding(path, "Phased restart with 1 worker: nothing serves while that worker is replaced.", Severity.Warning);
                break;
        }
    }
}
