using System.Text.RegularExpressions;

namespace UnitGen.Lint;

/// <summary>
/// One command of a run script: its words with their line and column, after continuations are joined, and the
/// pipeline it belongs to (commands joined by a single <c>|</c> share one number; any other command has its own).
/// </summary>
internal sealed record ScriptCommand(IReadOnlyList<ScriptWord> Words, int Line, int Column, int Pipeline = 0, bool InPipeline = false)
{
    /// <summary>The words after leading <c>NAME=value</c> assignments (the shell applies them to the command, POSIX 2.9.1).</summary>
    public IReadOnlyList<ScriptWord> Command => [.. Words.SkipWhile(w => RunScript.IsAssignment(w.Text))];

    /// <summary><c>exec PROGRAM …</c> as written, in a pipeline or not.</summary>
    public bool NamesExec => Command is [{ Text: "exec" }, var next, ..] && !RunScript.IsRedirection(next.Text);

    /// <summary>
    /// <c>exec PROGRAM …</c> that replaces the shell. <c>exec 2>&amp;1</c> alone only redirects, and in a pipeline
    /// <c>exec</c> runs in the subshell of its element (POSIX 2.9.2: "each command of a multi-command pipeline is in a
    /// subshell environment"), so the shell the supervisor started stays and waits for the pipeline.
    /// </summary>
    public bool ExecsProgram => NamesExec && !InPipeline;

    public string Text => string.Join(' ', Words.Select(w => w.Text));
}

/// <summary>A word of a run script with quotes removed, at its 1-based line and column.</summary>
internal sealed record ScriptWord(string Text, int Line, int Column);

/// <summary>
/// Reads a runit run script as far as lint needs: commands split at line ends, <c>;</c>, <c>&amp;&amp;</c> and
/// <c>||</c>, with backslash-newline continuations joined (POSIX shell 2.2.1) and comments dropped;
/// quoting is only undone, never expanded.
/// </summary>
internal static partial class RunScript
{
    public static IReadOnlyList<ScriptCommand> Commands(string[] lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var commands = new List<ScriptCommand>();
        var words = new List<ScriptWord>();
        var pipeline = 0;
        var piped = false;
        void Flush(bool pipeTo = false)
        {
            if (words.Count > 0)
            {
                commands.Add(new ScriptCommand([.. words], words[0].Line, words[0].Column, pipeline, piped || pipeTo));
                words = [];
            }

            piped = pipeTo;
            pipeline += pipeTo ? 0 : 1;
        }

        for (var l = 0; l < lines.Length; l++)
        {
            var line = lines[l];
            var i = 0;
            while (i < line.Length)
            {
                var c = line[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                if (c == '#' )
                {
                    break;
                }

                if (c == '\\' && i == line.Length - 1)
                {
                    break; // continuation: the command goes on on the next line
                }

                if (c == ';' || (c is '&' or '|' && i + 1 < line.Length && line[i + 1] == c))
                {
                    Flush();
                    i += c == ';' ? 1 : 2;
                    continue;
                }

                if (c == '|')
                {
                    // A pipe (also `|&`): the command goes on in the next element of the same pipeline.
                    Flush(pipeTo: true);
                    i += i + 1 < line.Length && line[i + 1] == '&' ? 2 : 1;
                    continue;
                }

                var start = i;
                var text = new System.Text.StringBuilder();
                char? quote = null;
                while (i < line.Length && (quote is not null || !(char.IsWhiteSpace(line[i]) || line[i] == ';')))
                {
                    var ch = line[i];
                    if (quote is null && ch is '\'' or '"')
                    {
                        quote = ch;
                    }
                    else if (quote == ch)
                    {
                        quote = null;
                    }
                    else if (quote is null && ((ch == '&' && i + 1 < line.Length && line[i + 1] == '&') || ch == '|'))
                    {
                        break;
                    }
                    else
                    {
                        text.Append(ch);
                    }

                    i++;
                }

                words.Add(new ScriptWord(text.ToString(), l + 1, start + 1));
            }

            // A line ending in a pipe goes on with the next element on the next line.
            if (!line.TrimEnd().EndsWith('\\') && !(piped && words.Count == 0))
            {
                Flush();
            }
        }

        Flush();
        return commands;
    }

    /// <summary>The words of the last command that execs a program, from the program on; null when there is none.</summary>
    public static IReadOnlyList<ScriptWord>? ExecWords(string[] lines) =>
        Commands(lines).LastOrDefault(c => c.NamesExec) is { } exec ? [.. exec.Command.Skip(1)] : null;

    /// <summary>
    /// A follower: the script traps signals and stays in the foreground waiting for the server it started
    /// (<c>trap … TERM</c> and a final <c>wait</c> or loop), so that runsv's signals reach the server through it.
    /// </summary>
    public static bool IsFollower(IReadOnlyList<ScriptCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        static string? First(ScriptCommand c) => c.Command.Count > 0 ? c.Command[0].Text : null;
        var last = commands.Count > 0 ? First(commands[^1]) : null;
        return commands.Any(c => First(c) == "trap") && last is "wait" or "done" or "sleep";
    }

    public static bool IsAssignment(string word) => Assignment().IsMatch(word);

    public static bool IsRedirection(string word) => Redirection().IsMatch(word);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^\d*[<>]")]
    private static partial Regex Redirection();
}
