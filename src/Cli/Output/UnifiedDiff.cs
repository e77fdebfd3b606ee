using System.Text;

namespace UnitGen.Cli.Output;

/// <summary>
/// A git-style unified diff of one file (<c>diff --git</c>, mode lines, <c>---</c>/<c>+++</c>, hunks with three lines
/// of context), so <c>git apply</c> inside DIR makes the change <c>generate</c> would make.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <param name="path">The file's path inside DIR.</param>
    /// <param name="old">The file on disk: null when missing.</param>
    /// <param name="new">What generate writes: null when it removes the file.</param>
    public static string Of(string path, (string Text, UnixFileMode Mode)? old, (string Text, UnixFileMode Mode)? @new)
    {
        var diff = new StringBuilder($"diff --git a/{path} b/{path}\n");
        switch (old, @new)
        {
            case (null, { } created):
                diff.Append($"new file mode {GitMode(created.Mode)}\n");
                break;
            case ({ } removed, null):
                diff.Append($"deleted file mode {GitMode(removed.Mode)}\n");
                break;
            case ({ } before, { } after) when before.Mode != after.Mode:
                diff.Append($"old mode {GitMode(before.Mode)}\nnew mode {GitMode(after.Mode)}\n");
                break;
        }

        var a = Lines(old?.Text);
        var b = Lines(@new?.Text);
        if (old?.Text == @new?.Text)
        {
            return diff.ToString();
        }

        diff.Append(old is null ? "--- /dev/null\n" : $"--- a/{path}\n");
        diff.Append(@new is null ? "+++ /dev/null\n" : $"+++ b/{path}\n");
        AppendHunks(diff, a, b, NoNewlineAtEnd(old?.Text), NoNewlineAtEnd(@new?.Text));
        return diff.ToString();
    }

    private static string GitMode(UnixFileMode mode) => "100" + Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');

    private static string[] Lines(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.TrimEnd('\n').Split('\n');

    private static bool NoNewlineAtEnd(string? text) => text is { Length: > 0 } && text[^1] != '\n';

    /// <summary>Longest common subsequence by dynamic programming: generated files are a few hundred lines.</summary>
    private static List<(char Op, int A, int B)> Script(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var script = new List<(char, int, int)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                script.Add((' ', x++, y++));
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                // Removals before additions, as diff(1) and git print a changed line.
                script.Add(('-', x++, y));
            }
            else
            {
                script.Add(('+', x, y++));
            }
        }

        return script;
    }

    private static void AppendHunks(StringBuilder diff, string[] a, string[] b, bool aNoNewline, bool bNoNewline)
    {
        var script = Script(a, b);
        var i = 0;
        while (i < script.Count)
        {
            if (script[i].Op == ' ')
            {
                i++;
                continue;
            }

            // A hunk: from Context lines before this change to Context lines after the last change that is at most
            // 2 * Context unchanged lines from the one before it.
            var start = Math.Max(0, i - Context);
            var end = i;
            for (var k = i; k < script.Count; k++)
            {
                if (script[k].Op != ' ')
                {
                    end = k;
                }
                else if (k - end > 2 * Context)
                {
                    break;
                }
            }

            var stop = Math.Min(script.Count, end + Context + 1);
            var hunk = script.GetRange(start, stop - start);
            var aCount = hunk.Count(s => s.Op != '+');
            var bCount = hunk.Count(s => s.Op != '-');
            var aStart = aCount == 0 ? hunk[0].A : hunk[0].A + 1;
            var bStart = bCount == 0 ? hunk[0].B : hunk[0].B + 1;
            diff.Append($"@@ -{aStart},{aCount} +{bStart},{bCount} @@\n");
            foreach (var (op, ai, bi) in hunk)
            {
                var line = op == '+' ? b[bi] : a[ai];
                diff.Append(op).Append(line).Append('\n');
                if ((op != '+' && ai == a.Length - 1 && aNoNewline && op == '-') || (op != '-' && bi == b.Length - 1 && bNoNewline && op == '+'))
                {
                    diff.Append("\\ No newline at end of file\n");
                }
            }

            i = stop;
        }
    }
}
