using System.Globalization;
using System.Text;
using UnitGen.Model;
using UnitGen.Model.Fields;

namespace UnitGen.Lint.Import;

/// <summary>
/// Writes a model as <c>unitgen.yaml</c> for <c>unitgen import</c>. Every string is a double-quoted
/// YAML scalar with <c>\</c>, <c>"</c> and control characters escaped, so the file loads back to the
/// same values. Each key says which source line it came from (<c># from puma.rb(3)</c>), a derived value
/// has a note above it, and every other line of the source is named at the end with why it is not in
/// the model: nothing the source said is dropped without a word.
/// </summary>
internal sealed class ModelYamlWriter
{
    private readonly StringBuilder text = new();
    private readonly ImportedModel imported;

    private ModelYamlWriter(ImportedModel imported) => this.imported = imported;

    public static string Write(ImportedModel imported)
    {
        ArgumentNullException.ThrowIfNull(imported);
        var w = new ModelYamlWriter(imported);
        w.Line("# Imported by `unitgen import`. Review every comment, then `unitgen validate` and `unitgen generate`.");
        foreach (var note in imported.Header)
        {
            w.Comment(0, note);
        }

        w.Mapping(string.Empty, imported.Model, 0, field => field.Path);
        if (imported.NotImported.Length > 0)
        {
            w.Line("# Not imported: UnitGen derives these itself or has no key for them. Each names its source line.");
            foreach (var n in imported.NotImported)
            {
                w.Line(OneLine($"# not imported: {n.Source}: {n.Text} — {n.Reason}"));
            }
        }

        return w.text.ToString();
    }

    /// <summary>
    /// What the import writes in place of a key the files did not give, where a line says more than silence: the
    /// key to fill in, or why a hand-written setting has no key.
    /// </summary>
    private static readonly Dictionary<string, Func<ServiceModel, string?>> Hints = new(StringComparer.Ordinal)
    {
        ["server.version"] = m => m.Server.Profile.GemName is not null
            ? "# version: \"x.y.z\"   unknown from the files; version-aware rules assume the riskier behaviour until set." : null,
        ["server.bundler"] = m => m.Server.Command.Contains("bundle")
            ? "# bundler: \"x.y.z\"   unknown from the files; set it (>= 2.2.26 keeps socket fds by default)." : null,
        ["systemd.hardening"] = _ => "# hardening: default   (the hand-written sandbox settings are replaced by a profile; see below)",
    };

    /// <summary>The keys of one section of the field table, in table order, read from <paramref name="owner"/>.</summary>
    private void Mapping(string section, object owner, int indent, Func<ModelField, string> pathOf)
    {
        foreach (var field in ModelFields.All.Where(f => f.Section == section && f.Key != "*"))
        {
            switch (field.Type)
            {
                case FieldType.Section:
                    Section(field, owner, indent, pathOf);
                    break;
                case FieldType.Collection:
                    Collection(field, (ServiceModel)owner, indent);
                    break;
                default:
                    // A list's notes and origins are kept at its key (`server.binds`), its items at `server.binds[0]`.
                    Value(indent, field, pathOf(field).Replace("[]", string.Empty, StringComparison.Ordinal), field.Read!(owner));
                    break;
            }
        }
    }

    /// <summary>A section with at least one key written; one of numbers only (<c>threads</c>) on one line: <c>{ min: 1, max: 5 }</c>.</summary>
    private void Section(ModelField section, object owner, int indent, Func<ModelField, string> pathOf)
    {
        var keys = ModelFields.All.Where(f => f.Section == section.Path).ToList();
        if (keys.All(f => f.Type == FieldType.Number))
        {
            var numbers = keys.Select(f => (f.Key, Value: f.Read!(owner))).Where(v => v.Value is not null).ToList();
            if (numbers.Count > 0)
            {
                Raw(indent, section.Key, pathOf(section), "{ " + string.Join(", ", numbers.Select(v => $"{v.Key}: {Scalar(FieldType.Number, v.Value!)}")) + " }");
            }

            return;
        }

        var body = new ModelYamlWriter(imported);
        body.Mapping(section.Path, owner, indent + 1, pathOf);
        if (body.HasKeys)
        {
            Line(new string(' ', indent * 2) + section.Key + ":");
            text.Append(body.text);
        }
    }

    /// <summary>Whether a key (not only comments) was written.</summary>
    private bool HasKeys => text.ToString().Split('\n').Any(l => l.TrimStart().Length > 0 && !l.TrimStart().StartsWith('#'));

    /// <summary>
    /// A collection: a list of sections (<c>listen</c>: an item with only its first key is written as that value),
    /// a mapping of values (<c>environment</c>, <c>systemd.extra</c>) or of sections (<c>processes</c>).
    /// </summary>
    private void Collection(ModelField collection, ServiceModel model, int indent)
    {
        var items = collection.Items!(model).ToList();
        if (items.Count == 0)
        {
            return;
        }

        Line(new string(' ', indent * 2) + collection.Key + ":");
        var pad = new string(' ', (indent + 1) * 2);
        if (ModelFields.All.FirstOrDefault(f => f.Path == collection.Path + ".*") is { } entry)
        {
            foreach (var (key, item) in items)
            {
                Value(indent + 1, entry, $"{collection.Path}.{key}", entry.Read!(item), KeyText(key));
            }

            return;
        }

        var listKeys = ModelFields.All.Where(f => f.Section == collection.Path + "[]").ToList();
        if (listKeys.Count > 0)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i].Value;
                var first = listKeys[0];
                var path = $"{collection.Path}[{i}]";
                var rest = listKeys.Skip(1).Select(f => (Field: f, Value: f.Read!(item))).ToList();
                if (rest.All(v => v.Value is null))
                {
                    Raw(indent + 1, "-", path, Scalar(first.Type, first.Read!(item)!), separator: " ");
                    continue;
                }

                Raw(indent + 1, "- " + first.Key, path, Scalar(first.Type, first.Read!(item)!));
                foreach (var (field, value) in rest)
                {
                    Value(indent + 2, field, field.Path, value);
                }
            }

            return;
        }

        foreach (var (key, item) in items)
        {
            Line(pad + KeyText(key) + ":");
            Mapping(collection.Path + ".*", item, indent + 2, field => field.Path.Replace("*", key, StringComparison.Ordinal));
        }
    }

    /// <summary>One key and its value, written by the key's type; an absent value leaves its hint, note or commented form.</summary>
    private void Value(int indent, ModelField field, string path, object? value, string? key = null)
    {
        key ??= field.Key;
        switch (value)
        {
            case null:
            case System.Collections.IEnumerable list when value is not string && !list.Cast<object>().Any():
                if (Hints.TryGetValue(path, out var hint) && hint(imported.Model) is { } line)
                {
                    Line(new string(' ', indent * 2) + line);
                }
                else
                {
                    Absent(indent, key, path);
                }

                break;
            case IEnumerable<KeyValuePair<string, string>> pairs:
                Line(new string(' ', indent * 2) + key + ":");
                foreach (var (name, text) in pairs)
                {
                    Raw(indent + 1, KeyText(name), $"{path}.{name}", Quote(text));
                }

                break;
            default:
                Raw(indent, key, path, Scalar(field.Type, value));
                break;
        }
    }

    /// <summary>A value as its key's type writes it: text and versions double-quoted, choices and flags as their word, lists in brackets.</summary>
    private static string Scalar(FieldType type, object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        Enum choice => choice.ToString().ToLowerInvariant(),
        string text when type == FieldType.Choice => text,
        string text => Quote(text),
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object>().Select(i => Quote(i is Enum e ? e.ToString().ToLowerInvariant() : i.ToString()!))) + "]",
        _ => throw new ArgumentException($"A value of type {value.GetType().Name} has no YAML form.", nameof(value)),
    };

    /// <summary>A mapping key: plain when YAML reads it back as the same string, else double-quoted.</summary>
    private static string KeyText(string key) =>
        System.Text.RegularExpressions.Regex.IsMatch(key, "^[A-Za-z_][A-Za-z0-9_.-]*$") ? key : Quote(key);

    /// <summary>A YAML double-quoted scalar that loads back to exactly <paramref name="value"/>.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var s = new StringBuilder("\"");
        foreach (var c in value)
        {
            s.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                < ' ' or '\u007f' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return s.Append('"').ToString();
    }

    /// <summary>A key with no value: its note and its commented-out form, when the import has one.</summary>
    private void Absent(int indent, string key, string path)
    {
        if (imported.Notes.TryGetValue(path, out var note))
        {
            Comment(indent, note);
        }

        if (imported.CommentedKeys.TryGetValue(path, out var value))
        {
            Line(new string(' ', indent * 2) + "# " + OneLine(key + ": " + value) + Origin(path));
        }
    }

    /// <summary><c>key: literal  # from file(line)</c>, after the key's note.</summary>
    private void Raw(int indent, string key, string path, string literal, string separator = ": ")
    {
        if (imported.Notes.TryGetValue(path, out var note))
        {
            Comment(indent, note);
        }

        Line(new string(' ', indent * 2) + key + separator + literal + Origin(path));
    }

    /// <summary>The source lines of <paramref name="path"/> and of its items (<c>path[0]</c>, …).</summary>
    private string Origin(string path)
    {
        var lines = imported.Origins.Where(o => o.Key == path || (o.Key.StartsWith(path + "[", StringComparison.Ordinal) && !path.EndsWith(']')))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .SelectMany(o => o.Value)
            .Distinct()
            .ToList();
        return lines.Count == 0 ? string.Empty : "   # from " + string.Join(", ", lines);
    }

    private void Comment(int indent, string note) => Line(new string(' ', indent * 2) + "# " + OneLine(note));

    private static string OneLine(string value) => new([.. value.Select(c => char.IsControl(c) ? ' ' : c)]);

    private void Line(string line) => text.Append(line).Append('\n');
}
