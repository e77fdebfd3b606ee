using UnitGen.Model.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace UnitGen.Model.Loading;

/// <summary>Positions of read values (the <see cref="SourceMap"/>) and the diagnostics of one read.</summary>
internal sealed partial class ModelReader
{
    // ---- reporting ---------------------------------------------------------------------------

    private void Locate(YamlNode node, string path) => map.Add(path, (int)node.Start.Line, (int)node.Start.Column);

    private T? MissingKey<T>(YamlMappingNode parent, string path, string example)
    {
        var key = path[(path.LastIndexOf('.') + 1)..];
        Error(LoaderCodes.Missing, parent.Start, $"Required key `{key}` is missing.", $"Add `{example}`.", path);
        return default;
    }

    private ServerSpec? MissingKey(YamlMappingNode parent, string path, string example) => MissingKey<ServerSpec>(parent, path, example);

    private T? WrongType<T>(YamlNode node, string path, string expected)
    {
        WrongType(node, path, expected);
        return default;
    }

    private void WrongType(YamlNode node, string path, string expected)
    {
        var found = node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            YamlScalarNode { Style: not ScalarStyle.Plain } => "a quoted string",
            YamlScalarNode s => $"`{s.Value}`",
            _ => "something else",
        };
        Error(LoaderCodes.WrongType, node.Start, $"`{path}` must be {expected}, not {found}.", $"Write `{path}` as {expected}.", path);
    }

    private void Invalid(string path, string message, string fix)
    {
        refused.Add(path);
        diagnostics.Add(new Diagnostic(LoaderCodes.InvalidValue, Severity.Error, message, fix, map.Resolve(path)) { Path = path });
    }

    /// <summary>A problem at a node; <paramref name="path"/> names the model value it refuses, if any.</summary>
    private void Error(string code, Mark at, string message, string fix, string? path = null)
    {
        if (path is not null)
        {
            refused.Add(path);
        }

        diagnostics.Add(new Diagnostic(code, Severity.Error, message, fix,
            new SourceLocation(map.File, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column))) { Path = path });
    }
}
