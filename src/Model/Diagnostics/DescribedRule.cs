namespace UnitGen.Model.Diagnostics;

/// <summary>
/// The metadata every kind of rule declares (model, lint, lint service and project rules): one class per rule
/// overrides these five members, and <see cref="Descriptor"/> is what the diagnostics and <c>explain</c> read.
/// </summary>
internal abstract class DescribedRule
{
    /// <summary>Stable code, e.g. <c>UG0101</c>.</summary>
    public abstract string Code { get; }

    public abstract Severity Severity { get; }

    /// <summary>One line: what goes wrong at run time.</summary>
    public abstract string Title { get; }

    /// <summary>What to change.</summary>
    public abstract string Fix { get; }

    /// <summary>The facts behind the rule and their upstream sources, for <c>unitgen explain</c>.</summary>
    public abstract string Explanation { get; }

    public RuleDescriptor Descriptor => new(Code, Severity, Title, Explanation, Fix);
}
