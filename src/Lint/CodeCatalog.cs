using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Loading;
using UnitGen.Model.Rules;
using UnitGen.Model.Rules.Project;
using UnitGen.Model.Rules.Values;

namespace UnitGen.Lint;

/// <summary>Every diagnostic code UnitGen can print, one <see cref="RuleDescriptor"/> each, in code order.</summary>
internal static class CodeCatalog
{
    /// <summary>
    /// The descriptor of every rule and code table, one per declaration. A code may be declared more than once
    /// (UG0601 by a model and a lint rule, UG0004–UG0007 by the loader and the value rules), but always with the
    /// same descriptor; a test holds every source to that.
    /// </summary>
    internal static IEnumerable<RuleDescriptor> Declared =>
    [
        .. LoaderCodes.Descriptors,
        .. IoCodes.Descriptors,
        .. ValueRuleCatalog.All.Select(r => r.Descriptor),
        .. RuleCatalog.All.Select(r => r.Descriptor),
        .. LintRuleCatalog.All.Select(r => r.Descriptor),
        .. LintRuleCatalog.ServiceRules.Select(r => r.Descriptor),
        .. ProjectRuleCatalog.All.Select(r => r.Descriptor),
        .. LintInputCodes.Descriptors,
    ];

    public static ImmutableArray<RuleDescriptor> All { get; } =
        [.. Declared.Distinct().OrderBy(d => d.Code, StringComparer.Ordinal)];

    /// <summary>The codes declared with more than one distinct descriptor: none, in a consistent catalogue.</summary>
    internal static ImmutableArray<string> Conflicts(IEnumerable<RuleDescriptor> declared) =>
        [.. declared.GroupBy(d => d.Code, StringComparer.Ordinal).Where(g => g.Distinct().Count() > 1).Select(g => g.Key)];

    public static RuleDescriptor? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
}
