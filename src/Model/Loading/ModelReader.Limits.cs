using UnitGen.Model.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace UnitGen.Model.Loading;

/// <summary>
/// Input refused before or instead of a model: too large, not text, aliases and anchors, too deep,
/// too many values (the limits are on <see cref="ModelLoader"/>; the socket count is a value check).
/// </summary>
internal sealed partial class ModelReader
{
    public static LoadResult TooLarge(string file, long bytes)
    {
        var map = new SourceMap(file);
        var d = new Diagnostic(
            LoaderCodes.InputLimit,
            Severity.Error,
            bytes > ModelLoader.MaxBytes + 1
                ? $"The file has {bytes} bytes; a model is at most {ModelLoader.MaxBytes} bytes."
                : $"The file holds more than {ModelLoader.MaxBytes} bytes; a model is at most that.",
            "Point unitgen at the service's unitgen.yaml.",
            new SourceLocation(file, 1, 1));
        return new LoadResult(null, map, [d]);
    }

    /// <summary>A file that is not UTF-8 text: nothing of it is parsed.</summary>
    public static LoadResult NotText(string file, ModelText.Flaw flaw)
    {
        ArgumentNullException.ThrowIfNull(flaw);
        var reader = new ModelReader(file);
        reader.Error(LoaderCodes.Syntax, new Mark(0, flaw.Line, flaw.Column), $"YAML syntax: {flaw.Message}", "Save the file as UTF-8.");
        return reader.Result(null);
    }

    /// <summary>Rejects aliases and deep nesting from the event stream, before any node is built.</summary>
    private bool PreScan(string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var nodes = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        Error(LoaderCodes.InputLimit, alias.Start, $"YAML alias `*{alias.Value}` is not supported in a model.",
                            "Write the value out; models are small and anchors hide what a key really holds.");
                        return false;
                    case NodeEvent { Anchor.IsEmpty: false } node:
                        Error(LoaderCodes.InputLimit, node.Start, $"YAML anchor `&{node.Anchor.Value}` is not supported in a model.",
                            "Remove the anchor and write values out.");
                        return false;
                    case NodeEvent when ++nodes > ModelLoader.MaxNodes:
                        Error(LoaderCodes.InputLimit, parser.Current.Start, $"The YAML holds more than {ModelLoader.MaxNodes} values; a model is a page.",
                            "One model describes one service; split fleets into one file per service.");
                        return false;
                    case MappingStart or SequenceStart when ++depth > ModelLoader.MaxDepth:
                        Error(LoaderCodes.InputLimit, parser.Current.Start, $"The YAML nests deeper than {ModelLoader.MaxDepth} levels.",
                            "A model nests at most four levels; check the indentation.");
                        return false;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            Syntax(e, text);
            return false;
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName is "highSurrogate" or "lowSurrogate")
        {
            // YamlDotNet 16.3 combines a `\uD8xx` escape with the next `\u` escape without checking that
            // it is a low surrogate (Scanner.ScanFlowScalar), and throws this instead of a YamlException.
            Error(LoaderCodes.Syntax, parser.Current?.End ?? Mark.Empty,
                "YAML syntax: a `\\u` escape names a surrogate (U+D800–U+DFFF), which is not a Unicode character.",
                "Write the character itself, or its code point as one `\\U` escape (`\\U0001F600`).");
            return false;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet 16.3 throws this instead of a YamlException for some malformed flow
            // collections (`user: [deploy` followed by more keys); it carries no position, so report
            // the last event that parsed.
            Error(LoaderCodes.Syntax, parser.Current?.End ?? Mark.Empty, $"YAML syntax: the text after this point cannot be parsed ({e.Message})",
                "Check brackets and quotes from this position on.");
            return false;
        }

        return true;
    }
}
