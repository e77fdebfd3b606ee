using UnitGen.Model;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint.Rules;

public sealed class UG0602RunScriptWithoutExec : LintRule
{
    public override string Code => "UG0602";

    public override Severity Severity => Severity.Error;

    public override string Title => "A runit run script that starts the server without `exec`: runsv supervises the shell, not the server.";

    public override string Fix => "Start the server with `exec` on the last line, e.g. `exec chpst -u deploy puma -C /srv/app/puma.rb`.";

    public override string Explanation =>
        "runsv(8) sends `sv` signals to the process it started: ./run. Without `exec` that process is the shell, so " +
        "`sv 1`/`sv 2`/`sv term` signal the shell while the server keeps running, and a server crash is seen late or " +
        "never. runit's own examples end every run script with `exec`.";

    public override IReadOnlyCollection<LintFileKind> Kinds => [LintFileKind.RunitRun];

    public override IEnumerable<LintFinding> Check(LintFile file)
    {
        var lines = file.Lines;
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!line.StartsWith("exec ", StringComparison.Ordinal) || line.StartsWith("exec 2>&1", StringComparison.Ordinal))
            {
                yield return new LintFinding(i + 1, lines[i].Length - lines[i].TrimStart().Length + 1,
                    $"The last command `{line}` is not exec'd: runsv will supervise the shell instead of the server.");
            }

            yield break;
        }
    }
}
