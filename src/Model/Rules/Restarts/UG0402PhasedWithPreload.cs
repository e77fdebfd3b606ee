using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Restarts;

public sealed class UG0402PhasedWithPreload : Rule
{
    public override string Code => "UG0402";

    public override Severity Severity => Severity.Error;

    public override string Title => "Phased restart with preload on: puma silently turns every USR1 into a full hot restart, and new code needs a full boot.";

    public override string Fix => "Set `server.preload: false`, or use `restart: hot`.";

    public override string Explanation =>
        "puma lib/puma/cluster.rb phased_restart: `return false if @options[:preload_app]` (5.6.5; 6.x adds " +
        "`&& !refork`), and the launcher falls back to a hot restart. Preload is on when set, and by default: on puma " +
        "5.x/6.x when WEB_CONCURRENCY > 1 or `-w N>1` is known before the config file loads (puma 5.6.5 " +
        "lib/puma/configuration.rb:151), on puma ≥ 7 in cluster mode, and UnitGen assumes it for an unknown version.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.Restart == RestartStrategy.Phased && model.Server.IsPuma && PumaFacts.Workers(model) > 0 && PumaFacts.EffectivePreload(model))
        {
            var why = model.Server.Preload == true ? "`preload: true`"
                : model.Server.Version is null ? "preload is assumed on (puma version unknown; set `preload: false`)"
                : $"puma {model.Server.Version} preloads by default here";
            yield return new Finding(model.Server.Preload is null ? "restart" : "server.preload",
                $"Phased restart with {why}: every USR1 becomes a hot restart.");
        }
    }
}
