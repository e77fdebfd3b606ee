using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint;

/// <summary>Runs the lint-only rules over hand-written files and places each finding at its file(line,col).</summary>
public static class Linter
{
    /// <summary>
    /// Everything lint finds: the lint-only rules on each file, then the model rules on each service
    /// read from its files (the same rules as <c>unitgen validate</c>).
    /// </summary>
    public static ImmutableArray<Diagnostic> Lint(IReadOnlyList<LintFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var fileFindings = LintFiles(files);
        var modelFindings = LintModelBuilder.Build(files)
            .SelectMany(s => UnitGen.Model.Rules.Validator.Validate(s.Model, s.Map, lint: true));
        return [.. fileFindings.Concat(modelFindings).Distinct()];
    }

    public static ImmutableArray<Diagnostic> LintFiles(IEnumerable<LintFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return
        [
            .. files.SelectMany(file => LintRuleCatalog.All
                .Where(rule => rule.Kinds.Contains(file.Kind))
                .SelectMany(rule => rule.Check(file).Select(f => new Diagnostic(
                    rule.Code, rule.Severity, f.Message, rule.Fix, new SourceLocation(file.Path, f.Line, f.Column))))
                .OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column)),
        ];
    }
}
