using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules;

/// <summary>
/// What a rule found, at a model path (see <see cref="SourceMap"/>). <see cref="Severity"/> overrides
/// the rule's own where the rule grades its findings (UG0401: error with 0 workers, warning with 1).
/// </summary>
internal sealed record Finding(string Path, string Message, Severity? Severity = null)
{
    /// <summary>A fix for this finding only; null means the rule's own <see cref="DescribedRule.Fix"/>.</summary>
    public string? Fix { get; init; }
}
