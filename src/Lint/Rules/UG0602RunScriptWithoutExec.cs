using UnitGen.Model;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint.Rules;

internal sealed class UG0602RunScriptWithoutExec : LintRule
{
    public override string Code => "UG0602";

    public override Severity Severity => Severity.Error;

    public override string Title => "A runit run script that starts the server without `exec`: runsv supervises the shell, not the server.";

    public override string Fix => "Start the server with `exec` on the last line, e.g. `exec chpst -u deploy puma -C /srv/app/puma.rb`.";

    public override string Explanation =>
        "runsv(8) sends `sv` signals to the process it started: ./run. Without `exec` that process is the shell, so " +
        "`sv 1`/`sv 2`/`sv term` signal the shell while the server keeps running, and a server crash is seen late or " +
        "never. runit's own examples end every run script with `exec`. `exec server | logger` does not help: each element of " +
        "a pipeline runs in a subshell (POSIX 2.9.2), so the shell stays; log through runit's log/run service instead.";

    public override IReadOnlyCollection<LintFileKind> Kinds => [LintFileKind.RunitRun];

    public override IEnumerable<LintFinding> Check(LintFile file)
    {
        // A follower script that traps the signals and waits for the server is the documented alternative to exec.
        var commands = RunScript.Commands(file.Lines);
        if (commands.Count == 0 || commands[^1].ExecsProgram || RunScript.IsFollower(commands))
        {
            yield break;
        }

        var last = commands[^1];
        if (last.InPipeline && commands.First(c => c.Pipeline == last.Pipeline) is { NamesExec: true } first)
        {
            yield return new LintFinding(first.Line, first.Column,
                $"`{first.Text}` is piped into `{last.Text}`: each element of a pipeline runs in a subshell, so `exec` replaces only that subshell and runsv supervises the shell that waits for the pipeline.");
            yield break;
        }

        yield return new LintFinding(last.Line, last.Column,
            $"The last command `{last.Text}` is not exec'd: runsv will supervise the shell instead of the server.");
    }
}
