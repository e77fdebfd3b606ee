using System.Collections.Immutable;
using System.Text;

namespace UnitGen.Formats.Systemd;

/// <summary>
/// Reads a unit file the way systemd's config parser does (systemd.syntax(7)): comments are lines
/// whose first non-blank character is <c>#</c> or <c>;</c> — never text after a value — a trailing
/// backslash joins the next line with a space, keys may repeat, and an empty value is kept (it
/// resets a list, see <see cref="UnitFile.All"/>).
/// </summary>
public static class SystemdUnitReader
{
    /// <summary>
    /// systemd's WHITESPACE (src/basic/string-util.h): the only characters it strips around lines,
    /// keys and values. Unicode blanks (U+00A0, U+3000…) are part of the value, as systemd reads it.
    /// </summary>
    private static readonly char[] Blanks = [' ', '\t', '\n', '\r'];

    public static UnitFile Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = ImmutableArray.CreateBuilder<UnitEntry>();
        var issues = ImmutableArray.CreateBuilder<UnitSyntaxIssue>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? section = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNo = i + 1;
            var line = lines[i];
            var trimmed = line.TrimStart(Blanks);
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            var indent = line.Length - trimmed.Length;
            if (trimmed[0] == '[')
            {
                var close = trimmed.IndexOf(']', StringComparison.Ordinal);
                if (close < 0 || trimmed[(close + 1)..].Trim(Blanks).Length > 0)
                {
                    issues.Add(new UnitSyntaxIssue(lineNo, indent + 1, $"Invalid section header `{trimmed.TrimEnd(Blanks)}`."));
                    section = null;
                    continue;
                }

                section = trimmed[1..close];
                continue;
            }

            // Continuation: a trailing backslash replaces the line break with a space; comment lines
            // inside a continued value are skipped (systemd 252 config_parse()).
            var logical = new StringBuilder(trimmed.TrimEnd(Blanks));
            while (logical.Length > 0 && logical[^1] == '\\' && i + 1 < lines.Length)
            {
                logical.Length--;
                logical.Append(' ');
                i++;
                var next = lines[i].TrimStart(Blanks);
                if (next.Length > 0 && next[0] is '#' or ';')
                {
                    continue;
                }

                logical.Append(next.TrimEnd(Blanks));
            }

            var content = logical.ToString();
            var eq = content.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                issues.Add(new UnitSyntaxIssue(lineNo, indent + 1, $"Line without `=`: `{content}`; systemd ignores it."));
                continue;
            }

            if (section is null)
            {
                issues.Add(new UnitSyntaxIssue(lineNo, indent + 1, "Assignment outside of any section; systemd ignores it."));
                continue;
            }

            var key = content[..eq].TrimEnd(Blanks);
            var afterEq = content[(eq + 1)..];
            var value = afterEq.TrimStart(Blanks);
            var valueColumn = indent + eq + 2 + (afterEq.Length - value.Length);
            entries.Add(new UnitEntry(section, key, value.TrimEnd(Blanks), lineNo, indent + 1, valueColumn));
        }

        return new UnitFile(path, entries.ToImmutable(), issues.ToImmutable());
    }
}
