using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace UnitGen.Formats.Procfile;

/// <summary>One <c>NAME: COMMAND</c> line of a Procfile, with its 1-based line number.</summary>
internal sealed record ProcfileEntry(string Name, string Command, int Line);

/// <summary>A line of a Procfile or .env file that foreman skips, and its 1-based line number.</summary>
internal sealed record SkippedLine(string Text, int Line);

/// <summary>
/// foreman's Procfile format, read as foreman 0.87.2 reads it (lib/foreman/procfile.rb <c>parse</c>):
/// CRLF becomes LF, and each line matching <c>^([A-Za-z0-9_-]+):\s*(.+)$</c> is an entry, in order;
/// every other line (comments, blank lines, anything else) is skipped without a word. A name may appear
/// twice: foreman keeps both entries.
/// </summary>
internal static partial class Procfile
{
    public static (ImmutableArray<ProcfileEntry> Entries, ImmutableArray<SkippedLine> Skipped) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = ImmutableArray.CreateBuilder<ProcfileEntry>();
        var skipped = ImmutableArray.CreateBuilder<SkippedLine>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var m = Entry().Match(lines[i]);
            if (m.Success)
            {
                entries.Add(new ProcfileEntry(m.Groups[1].Value, m.Groups[2].Value, i + 1));
            }
            else if (!string.IsNullOrWhiteSpace(lines[i]) && !lines[i].TrimStart().StartsWith('#'))
            {
                skipped.Add(new SkippedLine(lines[i], i + 1));
            }
        }

        return (entries.ToImmutable(), skipped.ToImmutable());
    }

    // Ruby's \s is [ \t\r\n\f\v]; `.` does not match a newline (there is none left in a line).
    [GeneratedRegex(@"^([A-Za-z0-9_-]+):[ \t\r\f\v]*(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Entry();
}
