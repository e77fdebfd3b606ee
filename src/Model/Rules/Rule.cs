using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules;

/// <summary>
/// One validation rule: a code, a severity, one check and one message. Rules are small classes
/// listed in <see cref="RuleCatalog"/>; each cites the upstream source of the fact it encodes.
/// </summary>
internal abstract class Rule : DescribedRule
{
    /// <summary>Only checked by <c>unitgen lint</c> on hand-written files.</summary>
    public virtual bool LintOnly => false;

    /// <summary>
    /// Only checked on a model someone wrote (YAML or C#), not on lint's reading of hand-written files: it judges
    /// the model's keys, which lint fills from whatever the files say, not what the files do.
    /// </summary>
    public virtual bool ModelOnly => false;

    public abstract IEnumerable<Finding> Check(ServiceModel model);
}
