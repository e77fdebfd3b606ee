using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Rules.Values;

namespace UnitGen.Model.Rules;

/// <summary>Runs the rule table over a model and places each finding at its source node.</summary>
internal static class Validator
{
    /// <summary>What the loader found, then — when a model was read — what the rules find in it.</summary>
    public static ImmutableArray<Diagnostic> Validate(Loading.LoadResult loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return loaded.Model is null ? loaded.Diagnostics : [.. loaded.Diagnostics, .. Validate(loaded.Model, loaded.Map)];
    }

    /// <summary>
    /// The value checks first (ranges and forms, the codes the YAML loader reports); when they find an
    /// error, only they are reported, as for a YAML file. Then every rule. <paramref name="lint"/> runs
    /// the lint-only rules instead of the value checks: a model read back from hand-written files
    /// holds whatever those files say, and lint rules judge them.
    /// </summary>
    public static ImmutableArray<Diagnostic> Validate(ServiceModel model, SourceMap map, bool lint = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(map);
        if (!lint)
        {
            var values = Sorted(CheckValues(model, map));
            if (values.Any(d => d.IsError))
            {
                return values;
            }
        }

        return Sorted(RuleCatalog.All
            .Where(rule => lint ? !rule.ModelOnly : !rule.LintOnly)
            .SelectMany(rule => rule.Check(model).Select(f => Diagnose(rule, f, map))));
    }

    /// <summary>The value checks alone, each finding placed by <paramref name="map"/>.</summary>
    internal static IEnumerable<Diagnostic> CheckValues(ServiceModel model, SourceMap map) =>
        ValueRuleCatalog.All.SelectMany(rule => rule.Check(model).Select(f => Diagnose(rule, f, map)));

    internal static Diagnostic Diagnose(Rule rule, Finding finding, SourceMap map) =>
        new(rule.Code, finding.Severity ?? rule.Severity, finding.Message, finding.Fix ?? rule.Fix, map.Resolve(finding.Path))
        {
            Path = finding.Path,
        };

    private static ImmutableArray<Diagnostic> Sorted(IEnumerable<Diagnostic> diagnostics) =>
    [
        .. diagnostics.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ThenBy(d => d.Code, StringComparer.Ordinal),
    ];

    /// <summary>
    /// Checks several models meant for one host together: no two services may listen on the same
    /// address and port or unix path (UG0106 across models). Each finding is reported in the later model.
    /// </summary>
    public static ImmutableArray<Diagnostic> ValidateFleet(IReadOnlyList<(ServiceModel Model, SourceMap Map)> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var rule = RuleCatalog.Find("UG0106")!;
        var result = ImmutableArray.CreateBuilder<Diagnostic>();
        for (var m = 1; m < models.Count; m++)
        {
            var (model, map) = models[m];
            for (var i = 0; i < model.Listen.Length; i++)
            {
                var clash = models.Take(m).SelectMany(o => o.Model.Listen.Select(l => (o.Model.Name, l.Address)))
                    .FirstOrDefault(o => Sockets.UG0106DuplicateListener.Collide(o.Address, model.Listen[i].Address));
                if (clash.Address is not null)
                {
                    result.Add(new Diagnostic(rule.Code, rule.Severity,
                        $"`{model.Listen[i].Address.ListenStream}` collides with `{clash.Address.ListenStream}` of service `{clash.Name}`.",
                        rule.Fix, map.Resolve($"listen[{i}].uri")) { Path = $"listen[{i}].uri" });
                }
            }
        }

        return result.ToImmutable();
    }
}
