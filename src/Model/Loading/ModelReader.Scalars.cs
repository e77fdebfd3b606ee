using System.Collections.Immutable;
using System.Globalization;
using UnitGen.Model.Rules.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Version = System.Version;

namespace UnitGen.Model.Loading;

/// <summary>
/// Typed values of the node model: key tables, strings, paths, booleans, numbers, versions, lists and
/// enums, each refused with UG0003/UG0004 when the node is of another kind.
/// </summary>
internal sealed partial class ModelReader
{
    // ---- key tables -------------------------------------------------------------------------

    /// <summary>The mapping's children by key; unknown keys are errors with a "did you mean".</summary>
    private Dictionary<string, YamlNode> Keys(YamlMappingNode m, string path, ImmutableArray<string> known)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in m.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var keyPath = path.Length == 0 ? key : $"{path}.{key}";
            if (!known.Contains(key))
            {
                var where = path.Length == 0 ? "the model" : $"`{path}`";
                var suggestion = KeySuggestion.Closest(key, known);
                Error(LoaderCodes.UnknownKey, keyNode.Start, $"Unknown key `{key}` in {where}.",
                    suggestion is null ? $"Known keys: {string.Join(", ", known)}." : $"Did you mean `{suggestion}`?");
                continue;
            }

            Locate(keyNode, $"{keyPath}@key");
            Locate(value, keyPath);
            result[key] = value;
        }

        return result;
    }

    // ---- typed values -------------------------------------------------------------------------

    private string? RequiredString(YamlMappingNode m, Dictionary<string, YamlNode> keys, string key, string parent)
    {
        var path = parent.Length == 0 ? key : $"{parent}.{key}";
        return keys.ContainsKey(key) ? String(keys, key, path) ?? MissingKey<string>(m, path, $"{key}: <value>") : MissingKey<string>(m, path, $"{key}: <value>");
    }

    private string? String(Dictionary<string, YamlNode> keys, string key, string path)
    {
        if (!keys.TryGetValue(key, out var node) || IsNull(node))
        {
            return null;
        }

        return node is YamlScalarNode s ? s.Value : WrongType<string>(node, path, "a string");
    }

    private bool? Bool(Dictionary<string, YamlNode> keys, string key, string path)
    {
        if (!keys.TryGetValue(key, out var node) || IsNull(node))
        {
            return null;
        }

        return node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s
            ? s.Value == "true"
            : WrongType<bool?>(node, path, "`true` or `false`");
    }

    /// <summary>
    /// A whole number as written; its range is a value check (<see cref="NumberRangeRule"/>). One that does
    /// not fit an <see cref="int"/> cannot be held by the model and is reported here, in the same words.
    /// </summary>
    private int? Int(Dictionary<string, YamlNode> keys, string key, string path)
    {
        if (!keys.TryGetValue(key, out var node) || IsNull(node))
        {
            return null;
        }

        if (node is not YamlScalarNode { Style: ScalarStyle.Plain } s
            || !long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return WrongType<int?>(node, path, "a whole number");
        }

        if (value is < int.MinValue or > int.MaxValue)
        {
            var finding = NumberRangeRule.OutOfRange(path, NumberRangeRule.Find(path)!, value);
            Invalid(path, finding.Message, finding.Fix!);
            return null;
        }

        return (int)value;
    }

    private Version? Version(Dictionary<string, YamlNode> keys, string key, string path)
    {
        var text = String(keys, key, path);
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('.');
        if (parts.Length is < 1 or > 4 || !parts.All(p => p.Length is > 0 and < 6 && p.All(char.IsAsciiDigit)))
        {
            Invalid(path, $"`{text}` is not a version number.", "Write it quoted, like `\"5.6.5\"`.");
            return null;
        }

        var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).Concat([0, 0]).Take(Math.Max(3, parts.Length)).ToArray();
        return numbers.Length == 4 ? new Version(numbers[0], numbers[1], numbers[2], numbers[3]) : new Version(numbers[0], numbers[1], numbers[2]);
    }

    private ImmutableArray<string> StringList(Dictionary<string, YamlNode> keys, string key, string path)
    {
        if (!keys.TryGetValue(key, out var node) || IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode seq)
        {
            return WrongType<ImmutableArray<string>?>(node, path, "a list of strings") ?? [];
        }

        var result = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var child = seq.Children[i];
            Locate(child, $"{path}[{i}]");
            if (child is YamlScalarNode { Value: { } v })
            {
                result.Add(v);
            }
            else
            {
                WrongType(child, $"{path}[{i}]", "a string");
            }
        }

        return result.ToImmutable();
    }

    private T Enum<T>(Dictionary<string, YamlNode> keys, string key, string path, T fallback)
        where T : struct, System.Enum =>
        keys.TryGetValue(key, out var node) && !IsNull(node) ? EnumValue(node, path, fallback) ?? fallback : fallback;

    private T? EnumValue<T>(YamlNode node, string path, T fallback)
        where T : struct, System.Enum
    {
        _ = fallback;
        var allowed = System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        if (node is not YamlScalarNode { Value: { } text })
        {
            return WrongType<T?>(node, path, $"one of {string.Join(", ", allowed)}");
        }

        // Only the lower-case names: Enum.TryParse alone also takes numbers (`2` is kestrel), padded text
        // and comma lists of names, none of which the schema allows.
        if (allowed.Contains(text) && System.Enum.TryParse(text, ignoreCase: true, out T value))
        {
            return value;
        }

        var suggestion = KeySuggestion.Closest(text, allowed);
        Error(LoaderCodes.NotAllowed, node.Start, $"`{text}` is not allowed for `{path}`.",
            suggestion is null ? $"Use one of: {string.Join(", ", allowed)}." : $"Did you mean `{suggestion}`? Allowed: {string.Join(", ", allowed)}.", path);
        return null;
    }

    private YamlMappingNode? Mapping(YamlNode node, string path) =>
        node as YamlMappingNode ?? WrongType<YamlMappingNode>(node, path, "a mapping of keys");

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" or null };
}
