using System.Collections.Immutable;
using System.Text;
using UnitGen.Formats.Systemd;

namespace UnitGen.Formats.EnvironmentFiles;

/// <summary>
/// Reads <c>KEY=value</c> lines as systemd's EnvironmentFile= does (systemd.exec(5)): <c>#</c>/<c>;</c>
/// comments at line start, double quotes with backslash escapes, single quotes literal, a trailing
/// backslash continues an unquoted value. A leading <c>export </c> is noted: systemd does not strip it.
/// </summary>
public static class EnvironmentFileReader
{
    public static EnvironmentFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = ImmutableArray.CreateBuilder<EnvironmentAssignment>();
        var issues = ImmutableArray.CreateBuilder<UnitSyntaxIssue>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            var column = line.Length - trimmed.Length + 1;
            var startLine = i + 1;
            var hasExport = trimmed.StartsWith("export ", StringComparison.Ordinal);
            var eq = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                issues.Add(new UnitSyntaxIssue(i + 1, column, $"Line without `NAME=value`: `{trimmed}`."));
                continue;
            }

            var name = trimmed[..eq].TrimEnd();
            var value = new StringBuilder();
            var raw = trimmed[(eq + 1)..].TrimStart();
            if (raw.Length > 0 && raw[0] is '"' or '\'')
            {
                var quote = raw[0];
                var j = 1;
                while (true)
                {
                    for (; j < raw.Length && raw[j] != quote; j++)
                    {
                        if (quote == '"' && raw[j] == '\\' && j + 1 < raw.Length)
                        {
                            j++;
                        }

                        value.Append(raw[j]);
                    }

                    if (j < raw.Length || i + 1 >= lines.Length)
                    {
                        break;
                    }

                    // A quoted value may span lines.
                    value.Append('\n');
                    raw = lines[++i];
                    j = 0;
                }
            }
            else
            {
                var part = raw.TrimEnd();
                while (part.EndsWith('\\') && i + 1 < lines.Length)
                {
                    value.Append(part, 0, part.Length - 1);
                    part = lines[++i].Trim();
                }

                value.Append(part);
            }

            result.Add(new EnvironmentAssignment(name, value.ToString(), startLine, column, hasExport));
        }

        return new EnvironmentFile(result.ToImmutable(), issues.ToImmutable());
    }
}
