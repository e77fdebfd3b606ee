using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint.Rules;

/// <summary>UnitGen's loader refuses a relative <c>directory</c>; hand-written units copied from templates carry placeholders.</summary>
internal sealed class UG0709WorkingDirectoryNotAbsolute : LintRule
{
    public override string Code => "UG0709";

    public override Severity Severity => Severity.Error;

    public override string Title => "WorkingDirectory= that is not an absolute path (a relative path, `<YOUR_APP_PATH>`, `$HOME/app`): systemd refuses to start the unit.";

    public override string Fix => "Write the app's absolute path (`/var/www/app/current`), `~` for the user's home, or a specifier such as `%h/app`.";

    public override string Explanation =>
        "systemd 252 config_parse_working_directory (src/core/load-fragment.c) accepts `~` or an absolute path after specifier " +
        "expansion; anything else is a fatal setting unless prefixed with `-`: `systemd-analyze verify` says \"WorkingDirectory= " +
        "path is not absolute: <YOUR_APP_PATH>\" and \"Unit configuration has fatal error, unit will not be started\" (checked " +
        "on Debian 12). Variables are not expanded in WorkingDirectory=. Placeholders come from puma's docs/systemd.md template.";

    public override IReadOnlyCollection<LintFileKind> Kinds => [LintFileKind.Service];

    public override IEnumerable<LintFinding> Check(LintFile file)
    {
        foreach (var entry in file.Unit.Entries.Where(e => e.Section == "Service" && e.Key == "WorkingDirectory"))
        {
            var value = entry.Value;
            // `-` makes a bad path non-fatal (systemd ignores the setting); specifiers %h, %t… expand to absolute paths.
            if (value.Length == 0 || value[0] is '/' or '~' or '-' || (value[0] == '%' && value.Length > 1 && value[1] is 'h' or 't' or 'S' or 'C' or 'L' or 'E' or 'V' or 'T'))
            {
                continue;
            }

            yield return new LintFinding(entry.Line, entry.ValueColumn, $"`{value}` is not an absolute path: systemd refuses the unit (\"WorkingDirectory= path is not absolute\").");
        }
    }
}
