using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace UnitGen.Formats.Procfile;

/// <summary>One <c>KEY=value</c> of a foreman .env file, its value as foreman gives it to the processes.</summary>
internal sealed record ForemanVariable(string Name, string Value, int Line);

/// <summary>
/// foreman's .env format, read as foreman 0.87.2 reads it (lib/foreman/env.rb): CRLF becomes LF; a line
/// is <c>KEY=value</c> with KEY of <c>[A-Za-z_0-9]+</c> (no <c>export</c>, no blanks around <c>=</c>);
/// <c>'…'</c> is taken verbatim; <c>"…"</c> turns <c>\n</c> into a newline and <c>\x</c> into <c>x</c>;
/// anything else is the rest of the line as is. A later KEY wins. Every other line is skipped.
/// </summary>
internal static partial class ForemanEnvFile
{
    public static (ImmutableArray<ForemanVariable> Variables, ImmutableArray<SkippedLine> Skipped) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var variables = ImmutableArray.CreateBuilder<ForemanVariable>();
        var skipped = ImmutableArray.CreateBuilder<SkippedLine>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var m = Assignment().Match(lines[i]);
            if (!m.Success)
            {
                if (!string.IsNullOrWhiteSpace(lines[i]) && !lines[i].TrimStart().StartsWith('#'))
                {
                    skipped.Add(new SkippedLine(lines[i], i + 1));
                }

                continue;
            }

            var raw = m.Groups[2].Value;
            var value = raw.Length >= 2 && raw[0] == '\'' && raw[^1] == '\'' ? raw[1..^1]
                : raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' ? Unescape(raw[1..^1])
                : raw;
            variables.RemoveAll(v => v.Name == m.Groups[1].Value);
            variables.Add(new ForemanVariable(m.Groups[1].Value, value, i + 1));
        }

        return (variables.ToImmutable(), skipped.ToImmutable());
    }

    /// <summary><c>gsub('\n', "\n").gsub(/\\(.)/, '\1')</c>: first every <c>\n</c> becomes a newline, then a backslash drops before any character.</summary>
    private static string Unescape(string value)
    {
        var withNewlines = value.Replace("\\n", "\n", StringComparison.Ordinal);
        var s = new StringBuilder();
        for (var i = 0; i < withNewlines.Length; i++)
        {
            // Ruby's `.` matches no newline: a backslash before one stays.
            if (withNewlines[i] == '\\' && i + 1 < withNewlines.Length && withNewlines[i + 1] != '\n')
            {
                i++;
            }

            s.Append(withNewlines[i]);
        }

        return s.ToString();
    }

    [GeneratedRegex(@"\A([A-Za-z_0-9]+)=(.*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();
}
