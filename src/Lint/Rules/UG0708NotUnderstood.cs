using UnitGen.Formats.Ruby;
using UnitGen.Model;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint.Rules;

internal sealed class UG0708NotUnderstood : LintRule
{
    public override string Code => "UG0708";

    public override Severity Severity => Severity.Info;

    public override string Title => "A statement in puma.rb/unicorn.rb that UnitGen reads without running Ruby and did not understand: it is not taken into account.";

    public override string Fix => "Nothing to fix if it does not touch binds, workers, preload or timeouts; otherwise write that setting as a literal.";

    public override string Explanation =>
        "Lint reads app configs statically: literal arguments, local variables, and `ENV['X'] || default` / " +
        "`ENV.fetch('X') { default }` / `Integer(…)`. Control flow, conditional calls and other expressions are listed " +
        "here instead of being guessed.";

    public override IReadOnlyCollection<LintFileKind> Kinds => [LintFileKind.PumaConfig, LintFileKind.UnicornConfig];

    public override IEnumerable<LintFinding> Check(LintFile file) =>
        RubyConfigReader.Parse(file.Text).NotUnderstood.Select(n => new LintFinding(n.Line, n.Column, n.Message));
}
