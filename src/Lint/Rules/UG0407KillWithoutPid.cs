using UnitGen.Model.Diagnostics;
using UnitGen.Formats.Systemd;

namespace UnitGen.Lint.Rules;

/// <summary>Only hand-written units can break this: UnitGen always writes <c>$MAINPID</c>.</summary>
internal sealed class UG0407KillWithoutPid : LintRule
{
    private static readonly string[] Keys = ["ExecReload", "ExecStop"];

    public override string Code => "UG0407";

    public override Severity Severity => Severity.Error;

    public override string Title => "`kill -SIGNAL` without a process ID in ExecReload=/ExecStop=: kill fails, the reload or stop does nothing, and systemctl reports the command failed.";

    public override string Fix => "Name the main process: `ExecReload=/bin/kill -USR2 $MAINPID`.";

    public override string Explanation =>
        "kill(1) needs at least one PID after the signal; without one util-linux kill prints its usage and exits 1 (also " +
        "`kill -s USR2`). systemd passes the main PID as $MAINPID to ExecReload=/ExecStop= (systemd.service(5)), and " +
        "nothing else: the server never gets the signal, and `systemctl reload` fails.";

    public override IReadOnlyCollection<LintFileKind> Kinds => [LintFileKind.Service];

    public override IEnumerable<LintFinding> Check(LintFile file)
    {
        foreach (var entry in file.Unit.Entries.Where(e => e.Section == "Service" && Keys.Contains(e.Key)))
        {
            if (ExecCommandLine.Parse(entry.RawValue, out _) is not { } line || Path.GetFileName(line.Words[0]) != "kill")
            {
                continue;
            }

            var operands = 0;
            for (var i = 1; i < line.Words.Length; i++)
            {
                if (line.Words[i] is "-s" or "--signal" or "-n" or "-q" or "--queue")
                {
                    i++;
                }
                else if (line.Words[i] == "--")
                {
                    operands += line.Words.Length - i - 1;
                    break;
                }
                else if (!line.Words[i].StartsWith('-'))
                {
                    operands++;
                }
            }

            if (operands == 0)
            {
                yield return new LintFinding(entry.Line, entry.ValueColumn,
                    $"`{entry.RawValue}` names no process: kill exits with an error and the server is never signalled.");
            }
        }
    }
}
