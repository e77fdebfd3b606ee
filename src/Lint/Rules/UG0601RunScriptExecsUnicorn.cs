using UnitGen.Model;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint.Rules;

/// <summary>
/// The hand-written side of UG0601: a run script that execs the unicorn master itself. The model rule of the same
/// code (<see cref="UnitGen.Model.Rules.Runit.UG0601UnicornFollowerWithoutPidfile"/>) covers generated run scripts,
/// which always exec unitgen's follower; both report the code with the model rule's descriptor.
/// </summary>
internal sealed class UG0601RunScriptExecsUnicorn : LintRule
{
    // Programs that only change the environment and exec the rest of their argv (runit chpst(8), daemontools
    // envdir/setuidgid/softlimit, coreutils env/nice), with the options that take a separate argument.
    private static readonly Dictionary<string, string[]> Launchers = new(StringComparer.Ordinal)
    {
        ["chpst"] = ["-u", "-U", "-b", "-e", "-/", "-C", "-n", "-l", "-L", "-m", "-d", "-o", "-p", "-f", "-c", "-r", "-t"],
        ["env"] = ["-u", "-C", "-S"],
        ["envdir"] = [],
        ["setuidgid"] = [],
        ["envuidgid"] = [],
        ["softlimit"] = ["-m", "-a", "-d", "-s", "-l", "-f", "-c", "-o", "-p", "-t", "-r"],
        ["nice"] = ["-n"],
    };

    // envdir, setuidgid and envuidgid take one positional argument before the program.
    private static readonly HashSet<string> OnePositional = new(StringComparer.Ordinal) { "envdir", "setuidgid", "envuidgid" };

    // One code, one descriptor: the model rule's entry (title, explanation, fix) covers the hand-written script too.
    private static readonly RuleDescriptor Shared = new UnitGen.Model.Rules.Runit.UG0601UnicornFollowerWithoutPidfile().Descriptor;

    public override string Code => Shared.Code;

    public override Severity Severity => Shared.Severity;

    public override string Title => Shared.Title;

    public override string Fix => Shared.Fix;

    public override string Explanation => Shared.Explanation;

    public override IReadOnlyCollection<LintFileKind> Kinds => [LintFileKind.RunitRun];

    public override IEnumerable<LintFinding> Check(LintFile file)
    {
        if (RunScript.ExecWords(file.Lines) is not { } exec)
        {
            yield break;
        }

        // The exec'd program first: `exec chpst … unicorn`, `VAR=x exec bundle exec unicorn`, continued over lines.
        var words = exec.Select(w => (w.Text, w.Line, w.Column)).ToList();
        var i = SkipLaunchers(words, 0);
        if (i < words.Count && Program(words[i].Text) == "bundle" && i + 1 < words.Count && words[i + 1].Text == "exec")
        {
            i += 2;
            while (i < words.Count && words[i].Text.StartsWith('-'))
            {
                i++;
            }
        }

        if (i < words.Count && Program(words[i].Text) is "unicorn" or "unicorn_rails")
        {
            yield return new LintFinding(words[i].Line, words[i].Column,
                $"`{words[i].Text}` is the process runsv supervises: a USR2 upgrade replaces it and runsv starts ./run again while the new master holds the port.");
        }
    }

    private static int SkipLaunchers(List<(string Text, int Line, int Column)> words, int i)
    {
        while (i < words.Count && Launchers.TryGetValue(Program(words[i].Text), out var takesArgument))
        {
            var positional = OnePositional.Contains(Program(words[i].Text));
            i++;
            while (i < words.Count && (words[i].Text.StartsWith('-') || words[i].Text.Contains('=', StringComparison.Ordinal)))
            {
                i += takesArgument.Contains(words[i].Text) ? 2 : 1;
            }

            if (positional)
            {
                i++;
            }
        }

        return i;
    }

    private static string Program(string word) => word[(word.LastIndexOf('/') + 1)..];
}
