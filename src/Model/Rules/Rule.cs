using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules;

/// <summary>
/// One validation rule: a code, a severity, one check and one message. Rules are small classes
/// listed in <see cref="RuleCatalog"/>; each cites the upstream source of the fact it encodes.
/// </summary>
internal abstract class Rule
{
    /// <summary>Stable code, e.g. <c>UG0101</c>.</summary>
    public abstract string Code { get; }

    public abstract Severity Severity { get; }

    /// <summary>One line: what goes wrong at run time.</summary>
    public abstract string Title { get; }

    /// <summary>What to change in the model.</summary>
    public abstract string Fix { get; }

    /// <summary>The facts behind the rule and their sources, for <c>unitgen explain</c>.</summary>
    public abstract string Explanation { get; }

    /// <summary>Only checked by <c>unitgen lint</c> on hand-written files.</summary>
    public virtual bool LintOnly => false;

    public abstract IEnumerable<Finding> Check(ServiceModel model);
}
