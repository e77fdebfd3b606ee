using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Restarts;

internal sealed class UG0402PhasedWithPreload : Rule
{
    public override string Code => "UG0402";

    public override Severity Severity => Severity.Error;

    public override string Title => "Phased restart with preload on: puma silently turns every USR1 into a full hot restart; unicorn's HUP loads no new code.";

    public override string Fix => "Set `server.preload: false` (UnitGen then writes `preload_app! false` / `preload_app false`), or use `restart: hot`.";

    public override string Explanation =>
        "puma 5.6.5 lib/puma/cluster.rb:213 phased_restart: `return false if @options[:preload_app]` (6.x adds " +
        "`&& !refork`), and the launcher falls back to a hot restart (lib/puma/launcher.rb). Preload is on when set, " +
        "and by default: on puma 5.x/6.x when the worker count known before the config file loads is above 1 — " +
        "WEB_CONCURRENCY or `-w N` (puma 5.6.5 lib/puma/configuration.rb:151: `default_options[:preload_app] = " +
        "(@options[:workers] > 1) && Puma.forkable?`) — and on puma ≥ 7 with more than one worker and no prune_bundler " +
        "(7.0.0 Configuration#set_conditional_default_options); for an unknown version UnitGen assumes preload when " +
        "either would preload. Unicorn: a phased restart is HUP, which re-reads the config and replaces the " +
        "workers, but with `preload_app true` the workers fork from the master's already loaded app, so no new code " +
        "runs (unicorn SIGNALS: \"If preload_app is true, then application code changes will have no effect; USR2 + " +
        "QUIT ... must be used to load newer code\").";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.Restart == RestartStrategy.Phased && model.Server.IsPuma && PumaFacts.Workers(model) > 0 && PumaFacts.EffectivePreload(model))
        {
            yield return new Finding(model.Server.Preload is null ? "restart" : "server.preload",
                $"Phased restart with preload on ({Why(model)}): puma answers USR1 with a hot restart, so every `systemctl reload` restarts all workers at once and pauses requests for a full boot.");
        }
        else if (model.Restart == RestartStrategy.Phased && model.Server.Type == ServerType.Unicorn && UnicornFacts.Preload(model))
        {
            yield return new Finding("server.preload",
                "Phased restart (HUP) with `preload: true`: unicorn's new workers fork from the master's loaded app, so a reload never runs new code. Use `preload: false`, or `restart: hot` (USR2 upgrade).");
        }
    }

    /// <summary>Names the fact that turned preload on, with the values involved.</summary>
    private static string Why(ServiceModel model)
    {
        var server = model.Server;
        if (server.Preload == true)
        {
            return "`preload: true`";
        }

        if (server.Version is null)
        {
            return $"puma version unknown with {PumaFacts.Workers(model)} workers: puma ≥ 7 preloads with more than one worker unless prune_bundler is set; set `preload: false` or `server.version`";
        }

        if (server.Version.Major >= 7)
        {
            return $"puma {server.Version} preloads by default with more than one worker and no prune_bundler";
        }

        var early = EarlySource(model);
        return $"puma {server.Version} preloads by default because {early} is known before puma.rb is read";
    }

    private static string EarlySource(ServiceModel model) =>
        PumaFacts.WorkersFlag(model) is { } flag ? $"`{flag.Text}`" : $"WEB_CONCURRENCY={model.EnvironmentValue("WEB_CONCURRENCY")}";
}
