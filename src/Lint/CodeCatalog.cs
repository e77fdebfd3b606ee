using System.Collections.Immutable;
using UnitGen.Model;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Loading;
using UnitGen.Model.Rules;
using UnitGen.Model.Rules.Project;

namespace UnitGen.Lint;

/// <summary>Every diagnostic code UnitGen can print: loader codes first, then model and lint rules by code.</summary>
internal static class CodeCatalog
{
    public static ImmutableArray<CodeDescription> All { get; } =
    [
        .. LoaderCodes.Descriptions,
        .. IoCodes.Descriptions,
        .. RuleCatalog.All.Select(r => new CodeDescription(r.Code, r.Severity, r.Title, r.Explanation, r.Fix))
            .Concat(LintRuleCatalog.All.Select(r => new CodeDescription(r.Code, r.Severity, r.Title, r.Explanation, r.Fix)))
            .Concat(ProjectRuleCatalog.All.Select(r => new CodeDescription(r.Code, r.Severity, r.Title, r.Explanation, r.Fix)))
            .Concat(LintRuleCatalog.ServiceRules.Select(r => new CodeDescription(r.Code, r.Severity, r.Title, r.Explanation, r.Fix)))
            .Concat(LintInputCodes.Descriptions)
            // UG0601 is both a model rule and its hand-written counterpart; the model rule's entry explains the code.
            .DistinctBy(d => d.Code, StringComparer.Ordinal)
            .OrderBy(d => d.Code, StringComparer.Ordinal),
    ];

    public static CodeDescription? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
}
