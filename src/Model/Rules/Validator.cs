using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules;

/// <summary>Runs the rule table over a model and places each finding at its source node.</summary>
public static class Validator
{
    /// <summary>What the loader found, then — when a model was read — what the rules find in it.</summary>
    public static ImmutableArray<Diagnostic> Validate(Loading.LoadResult loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return loaded.Model is null ? loaded.Diagnostics : [.. loaded.Diagnostics, .. Validate(loaded.Model, loaded.Map)];
    }

    public static ImmutableArray<Diagnostic> Validate(ServiceModel model, SourceMap map, bool lint = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(map);
        return
        [
            .. RuleCatalog.All
                .Where(rule => lint || !rule.LintOnly)
                .SelectMany(rule => rule.Check(model).Select(f => new Diagnostic(
                    rule.Code, f.Severity ?? rule.Severity, f.Message, rule.Fix, map.Resolve(f.Path))))
                .OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ThenBy(d => d.Code, StringComparer.Ordinal),
        ];
    }

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
                        rule.Fix, map.Resolve($"listen[{i}].uri")));
                }
            }
        }

        return result.ToImmutable();
    }
}
