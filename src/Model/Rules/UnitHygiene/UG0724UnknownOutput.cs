using System.Text.RegularExpressions;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.UnitHygiene;

internal sealed partial class UG0724UnknownOutput : Rule
{
    // syslog and syslog+console are obsolete aliases of journal (UG0704 warns about them) but still read.
    private static readonly string[] Words = ["inherit", "null", "tty", "journal", "kmsg", "journal+console", "kmsg+console", "socket", "syslog", "syslog+console"];

    public override string Code => "UG0724";

    public override Severity Severity => Severity.Error;

    public override string Title => "`systemd.stdout`/`stderr` is not an output systemd knows: it ignores the setting and logs to the journal.";

    public override string Fix => "Use inherit, null, tty, journal, kmsg, journal+console, kmsg+console, socket, fd:NAME, or file:/append:/truncate: with an absolute path.";

    public override string Explanation =>
        "StandardOutput= and StandardError= take one of a fixed set of words or a file target (systemd.exec(5)); anything else " +
        "is \"Failed to parse output specifier, ignoring\" (systemd-analyze verify on systemd 252), so the service writes " +
        "where the model did not say. unicorn.rb's stdout_path/stderr_path come from the same file targets.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        foreach (var (path, value) in new[] { ("systemd.stdout", model.Systemd.Stdout), ("systemd.stderr", model.Systemd.Stderr) })
        {
            if (value is not null && !IsOutput(value))
            {
                yield return new Finding(path, $"`{value}` is not a systemd output.");
            }
        }
    }

    private static bool IsOutput(string value) =>
        Words.Contains(value)
        // A file target's path must be absolute.
        || SystemdOutputFile.PathOf(value) is ['/', ..]
        || FdName().IsMatch(value);

    [GeneratedRegex(@"^fd:[A-Za-z0-9_.-]{1,255}\z")]
    private static partial Regex FdName();
}
