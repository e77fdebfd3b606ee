using System.Collections.Immutable;

namespace UnitGen.Model.Rules;

/// <summary>The table of every rule, in code order.</summary>
public static class RuleCatalog
{
    public static readonly ImmutableArray<Rule> All =
    [
    ];

    public static Rule? Find(string code) =>
        All.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
}
