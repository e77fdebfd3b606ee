using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace UnitGen.Model.Loading;

/// <summary>
/// YamlDotNet's syntax errors made into one diagnostic at the position the user has to change,
/// working around where YamlDotNet 16.3 reports them.
/// </summary>
internal sealed partial class ModelReader
{
    private LoadResult Syntax(YamlException e, string text)
    {
        // YamlDotNet wraps the real reason ("Duplicate key") in an outer message with positions.
        var duplicate = e.Message.Contains("Duplicate key", StringComparison.Ordinal);
        var reason = duplicate ? "duplicate key: a key may appear once in a mapping." : Clean(e.Message);
        // YamlDotNet reports a scanner error from the start of the token; for a bad escape the
        // character to change is where the scanner stopped.
        var at = e.Message.Contains("unknown escape character", StringComparison.Ordinal) ? e.End : e.Start;
        // YamlDotNet 16.3 reports a tab in indentation at the start of the enclosing mapping
        // (often 1:1); point at the tab itself, which is what the user has to change.
        if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentationTab(text) is { } tab)
        {
            at = tab;
        }

        Error(LoaderCodes.Syntax, at, $"YAML syntax: {reason}",
            duplicate ? "Remove or merge the second occurrence." : "Fix the YAML at this position.");
        return Result(null);
    }

    private static Mark? FirstIndentationTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return new Mark(0, i + 1, tab + 1);
            }
        }

        return null;
    }

    private static string Clean(string message) => ParenPosition().Replace(message, string.Empty).Trim();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex ParenPosition();
}
