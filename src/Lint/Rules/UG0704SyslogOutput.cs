using UnitGen.Model;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint.Rules;

internal sealed class UG0704SyslogOutput : LintRule
{
    public override string Code => "UG0704";

    public override Severity Severity => Severity.Warning;

    public override string Title => "StandardOutput=/StandardError=syslog is obsolete: systemd maps it to the journal.";

    public override string Fix => "Write `journal` (the default), or `append:/path/to.log`.";

    public override string Explanation =>
        "Since systemd 246 `syslog` and `syslog+console` are obsolete aliases of `journal` (systemd.exec(5)); " +
        "systemd-analyze verify prints \"Standard output type syslog is obsolete, automatically updating to journal.\"";

    public override IReadOnlyCollection<LintFileKind> Kinds => [LintFileKind.Service];

    public override IEnumerable<LintFinding> Check(LintFile file) =>
        file.Unit.Entries
            .Where(e => e.Section == "Service" && e.Key is "StandardOutput" or "StandardError" && e.Value.StartsWith("syslog", StringComparison.Ordinal))
            .Select(e => new LintFinding(e.Line, e.ValueColumn, $"`{e.Key}={e.Value}` is obsolete; systemd uses the journal instead."));
}
