using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Loading;
using UnitGen.Model.Rules;

namespace UnitGen.Model;

/// <summary>Every diagnostic code UnitGen can print: loader codes first, then the rule table.</summary>
public static class CodeCatalog
{
    public static ImmutableArray<CodeDescription> All { get; } =
    [
        .. LoaderCodes.Descriptions,
        .. RuleCatalog.All.Select(r => new CodeDescription(r.Code, r.Severity, r.Title, r.Explanation, r.Fix)),
    ];

    public static CodeDescription? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
}
