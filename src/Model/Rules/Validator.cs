using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules;

/// <summary>Runs the rule table over a model and places each finding at its source node.</summary>
public static class Validator
{
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
}
