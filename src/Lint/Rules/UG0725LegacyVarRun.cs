using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint.Rules;

/// <summary>A hand-written unit's spelling; the rewrite matters to puma &lt; 5.4 (UG0112).</summary>
internal sealed class UG0725LegacyVarRun : LintRule
{
    private static readonly string[] Keys = ["ListenStream", "ListenDatagram", "ListenSequentialPacket", "ListenFIFO", "PIDFile"];

    public override string Code => "UG0725";

    public override Severity Severity => Severity.Warning;

    public override string Title => "A socket or PID file path under /var/run/: systemd rewrites it to /run/ and warns at every daemon-reload; what the app is told still says /var/run.";

    public override string Fix => "Write the path under /run/ in the unit and in the app's config (`bind \"unix:///run/app/puma.sock\"`).";

    public override string Explanation =>
        "systemd 252 src/core/load-fragment.c patch_var_run(), called for Listen*= and PIDFile=: \"… references a path below " +
        "legacy directory /var/run/, updating /var/run/x → /run/x; please update the unit file accordingly\". The socket is " +
        "created as /run/x; an app that compares paths literally does not recognise it (puma < 5.4, see UG0112).";

    public override IReadOnlyCollection<LintFileKind> Kinds => [LintFileKind.Service, LintFileKind.Socket];

    public override IEnumerable<LintFinding> Check(LintFile file)
    {
        foreach (var entry in file.Unit.Entries.Where(e => Keys.Contains(e.Key) && e.Value.StartsWith("/var/run/", StringComparison.Ordinal)))
        {
            yield return new LintFinding(entry.Line, entry.ValueColumn, $"systemd rewrites `{entry.Value}` to `/run/{entry.Value["/var/run/".Length..]}`.");
        }
    }
}
