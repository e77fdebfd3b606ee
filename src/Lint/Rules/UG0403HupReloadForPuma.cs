using UnitGen.Formats.Systemd;
using UnitGen.Model;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint.Rules;

/// <summary>A model cannot map a reload to HUP (UnitGen never does for puma), so only hand-written units can break this.</summary>
internal sealed class UG0403HupReloadForPuma : LintRule
{
    public override string Code => "UG0403";

    public override Severity Severity => Severity.Error;

    public override string Title => "A reload mapped to HUP for puma: without stdout_redirect, HUP shuts puma down.";

    public override string Fix => "Reload with `/bin/kill -USR1 $MAINPID` (phased, cluster mode) or `-USR2` (hot).";

    public override string Explanation =>
        "puma docs/signals.md: HUP reopens log files only when stdout_redirect is configured; otherwise puma stops. " +
        "`systemctl reload` then takes the service down (and Restart= brings it back cold).";

    public override IReadOnlyCollection<LintFileKind> Kinds => [LintFileKind.Service];

    public override IEnumerable<LintFinding> Check(LintFile file)
    {
        var start = file.Unit.Last("Service", "ExecStart") is { } s ? ExecCommandLine.Parse(s.RawValue, out _) : null;
        if (start is null || !start.Words.Any(w => Path.GetFileName(w) == "puma"))
        {
            yield break;
        }

        foreach (var reload in file.Unit.All("Service", "ExecReload"))
        {
            if (ExecCommandLine.Parse(reload.RawValue, out _) is { } line && line.Words.Any(w => w is "-HUP" or "-SIGHUP" or "-1"))
            {
                yield return new LintFinding(reload.Line, reload.ValueColumn,
                    "`systemctl reload` sends HUP to puma: unless puma.rb sets stdout_redirect, puma shuts down.");
            }
        }
    }
}
