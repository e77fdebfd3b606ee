using UnitGen.Formats.EnvironmentFiles;
using UnitGen.Model;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint.Rules;

internal sealed class UG0503ExportInEnvironmentFile : LintRule
{
    public override string Code => "UG0503";

    public override Severity Severity => Severity.Error;

    public override string Title => "`export NAME=value` in a systemd EnvironmentFile: systemd ignores the line, the variable is never set.";

    public override string Fix => "Remove `export `; an EnvironmentFile holds plain NAME=value lines.";

    public override string Explanation =>
        "systemd reads EnvironmentFile= lines as NAME=value (systemd.exec(5)); it does not strip a shell `export`, " +
        "so `export RAILS_ENV` is an invalid variable name and systemd logs \"Ignoring invalid environment assignment\" " +
        "and drops it. Files shared with a shell (`. /etc/default/app`) are the usual source of this mistake. A dotenv file " +
        "(`.env`, `.env.production`) is judged only when an EnvironmentFile= given with it names it: the dotenv gem reads " +
        "`export NAME=value` (lib/dotenv/parser.rb), so there it is no mistake.";

    public override IReadOnlyCollection<LintFileKind> Kinds => [LintFileKind.EnvironmentFile];

    public override IEnumerable<LintFinding> Check(LintFile file) =>
        // A dotenv file no given unit names is read by the app's dotenv, which takes `export` (false positives cost more than misses).
        !file.ReadBySystemd && LintFileKinds.IsDotenvName(file.Path) ? [] : file.Environment.Assignments
            .Where(a => a.HasExport)
            .Select(a => new LintFinding(a.Line, a.Column,
                $"`export {a.Name["export ".Length..].Trim()}=…`: systemd ignores this line and never sets the variable."));
}
