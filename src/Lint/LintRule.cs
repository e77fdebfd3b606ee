using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint;

/// <summary>What a lint rule found, at a line and column of the file it checked.</summary>
internal sealed record LintFinding(int Line, int Column, string Message);

/// <summary>
/// A rule that only hand-written files can break (UG0503, UG0602, UG07xx): it reads the file itself,
/// where the model-level rules of <see cref="UnitGen.Model.Rules.RuleCatalog"/> read the model built from the files.
/// </summary>
internal abstract class LintRule : DescribedRule
{
    /// <summary>The kinds of file this rule reads.</summary>
    public abstract IReadOnlyCollection<LintFileKind> Kinds { get; }

    public abstract IEnumerable<LintFinding> Check(LintFile file);
}
