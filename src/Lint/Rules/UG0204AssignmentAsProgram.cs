using UnitGen.Model.Diagnostics;
using UnitGen.Formats.Systemd;

namespace UnitGen.Lint.Rules;

/// <summary>Only hand-written units can break this: UnitGen writes the environment into Environment= lines.</summary>
internal sealed class UG0204AssignmentAsProgram : LintRule
{
    private static readonly string[] ExecKeys = ["ExecStart", "ExecStartPre", "ExecStartPost", "ExecReload", "ExecStop", "ExecStopPost"];

    public override string Code => "UG0204";

    public override Severity Severity => Severity.Error;

    public override string Title => "A command line that starts with `NAME=value`: systemd takes the assignment as the program and the unit fails with status 203/EXEC.";

    public override string Fix => "Move the assignment to its own line, `Environment=RAILS_ENV=production`, and start the command line with the program.";

    public override string Explanation =>
        "systemd runs command lines itself, not through a shell: the first word is the program (systemd.service(5), " +
        "\"Command lines\": \"the first argument ... is the command to execute\"), so a shell-style `RAILS_ENV=production " +
        "/usr/local/bin/puma` looks for an executable named `RAILS_ENV=production` in systemd's fixed PATH and fails to " +
        "exec (systemd 252 `systemd-analyze verify`: \"Command RAILS_ENV=production is not executable\"). Environment= " +
        "sets the variable (systemd.exec(5)).";

    public override IReadOnlyCollection<LintFileKind> Kinds => [LintFileKind.Service];

    public override IEnumerable<LintFinding> Check(LintFile file)
    {
        foreach (var entry in file.Unit.Entries.Where(e => e.Section == "Service" && ExecKeys.Contains(e.Key)))
        {
            if (ExecCommandLine.Parse(entry.RawValue, out _) is { Program: { } program } && RunScript.IsAssignment(program))
            {
                yield return new LintFinding(entry.Line, entry.ValueColumn,
                    $"`{program}` is taken as the program to run: systemd does not read shell assignments in {entry.Key}=. Use `Environment={program}`.");
            }
        }
    }
}
