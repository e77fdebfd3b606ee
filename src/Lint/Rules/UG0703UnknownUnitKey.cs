using UnitGen.Formats.Systemd;
using UnitGen.Model;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Loading;

namespace UnitGen.Lint.Rules;

internal sealed class UG0703UnknownUnitKey : LintRule
{
    public override string Code => "UG0703";

    public override Severity Severity => Severity.Error;

    public override string Title => "A key systemd does not know in this section: it is ignored with a warning, and what it was meant to do never happens.";

    public override string Fix => "Use the key the message suggests, or remove the line.";

    public override string Explanation =>
        "systemd logs \"Unknown key name 'X' in section 'Y', ignoring.\" and goes on. The key list is systemd 252's own " +
        "(`systemd --dump-configuration-items`, see scripts/dump-systemd-keys.sh). A common one is ExecRestart=, which " +
        "does not exist: a restart runs ExecStop= then ExecStart=; a reload runs ExecReload=. Keys starting with X- are " +
        "allowed for extensions.";

    public override IReadOnlyCollection<LintFileKind> Kinds => [LintFileKind.Service, LintFileKind.Socket];

    public override IEnumerable<LintFinding> Check(LintFile file)
    {
        foreach (var e in file.Unit.Entries)
        {
            if (!SystemdKeys.IsKnownSection(e.Section) || e.Key.StartsWith("X-", StringComparison.Ordinal)
                || SystemdKeys.Syntax(e.Section, e.Key) is not null)
            {
                continue;
            }

            var hint = e.Key == "ExecRestart"
                ? "there is no ExecRestart=: `systemctl restart` is ExecStop= then ExecStart=; for a graceful in-place restart map it to ExecReload= and use `systemctl reload`."
                : KeySuggestion.Closest(e.Key, SystemdKeys.Keys(e.Section)) is { } s ? $"did you mean `{s}=`?" : $"see systemd.{(e.Section == "Unit" || e.Section == "Install" ? "unit" : e.Section.ToLowerInvariant())}(5).";
            yield return new LintFinding(e.Line, e.KeyColumn, $"Unknown key `{e.Key}=` in [{e.Section}]: systemd ignores it; {hint}");
        }
    }
}
