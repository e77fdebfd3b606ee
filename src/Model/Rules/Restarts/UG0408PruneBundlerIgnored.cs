using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Restarts;

internal sealed class UG0408PruneBundlerIgnored : Rule
{
    public override string Code => "UG0408";

    public override Severity Severity => Severity.Error;

    public override string Title => "`pruneBundler` where puma ignores prune_bundler (preload on, single mode, or not puma): phased restarts keep the old Gemfile.";

    public override string Fix => "Set `server.preload: false` and `server.workers` above 0, or remove `pruneBundler`.";

    public override string Explanation =>
        "puma 5.6.5 lib/puma/launcher.rb:418 `prune_bundler?` is `@options[:prune_bundler] && clustered? && " +
        "!@options[:preload_app]`: with preload_app! or without workers puma silently skips pruning (lib/puma/dsl.rb: " +
        "\"This is incompatible with preload_app!\"), so a phased restart never loads a new Gemfile.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (!model.Server.PruneBundler)
        {
            yield break;
        }

        if (!model.Server.IsPuma)
        {
            yield return new Finding("server.pruneBundler", $"`pruneBundler` is a puma setting; {model.Server.Type.ToString().ToLowerInvariant()} has no prune_bundler.");
        }
        else if (PumaFacts.Workers(model) == 0)
        {
            yield return new Finding("server.pruneBundler", "`pruneBundler` in single mode (0 workers): puma prunes Bundler only in cluster mode.");
        }
        else if (PumaFacts.EffectivePreload(model))
        {
            yield return new Finding("server.pruneBundler", "`pruneBundler` with preload on: puma skips prune_bundler when preload_app! is set (it is incompatible with preloading).");
        }
    }
}
