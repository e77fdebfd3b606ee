using UnitGen.Model;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint.Rules;

internal sealed class UG0707LineSystemdIgnores : LintRule
{
    public override string Code => "UG0707";

    public override Severity Severity => Severity.Warning;

    public override string Title => "A line systemd ignores: no `=`, outside any section, or a broken section header.";

    public override string Fix => "Write `Key=value` inside a `[Section]`, or make the line a comment.";

    public override string Explanation =>
        "systemd's config parser skips such lines with a warning (\"Missing '=', ignoring line.\", \"Assignment outside " +
        "of section. Ignoring.\") — whatever they were meant to set is not set.";

    public override IReadOnlyCollection<LintFileKind> Kinds => [LintFileKind.Service, LintFileKind.Socket];

    public override IEnumerable<LintFinding> Check(LintFile file) =>
        file.Unit.Issues.Select(i => new LintFinding(i.Line, i.Column, i.Message));
}
