namespace UnitGen.Model.Fields;

/// <summary>
/// One key of <c>unitgen.yaml</c>: its path (<c>server.binds[]</c>, <c>listen[].uri</c>,
/// <c>processes.*.type</c>), its YAML shape, where its text ends up, and how to read its text values
/// from a model. The rows of <see cref="ModelFields.All"/> are the only list of the model's keys.
/// </summary>
internal sealed record ModelField(string Path, FieldType Type, FieldUse Uses = FieldUse.None)
{
    private static readonly Func<ServiceModel, IEnumerable<FieldValue>> NoText = _ => [];

    /// <summary>The text values of this key in a model, each at its concrete path; empty for keys without text.</summary>
    public Func<ServiceModel, IEnumerable<FieldValue>> Values { get; init; } = NoText;

    /// <summary>
    /// The key's value as <c>unitgen.yaml</c> writes it, read from its owner: the model, or the item of its
    /// collection for <c>listen[].*</c>, <c>processes.*.*</c>, <c>environment.*</c> and <c>systemd.extra.*</c>.
    /// A string, number, flag, enum, list of strings or of enums, or name/value pairs; null when the owner
    /// leaves the key at its default. Null for sections and collections, whose keys are rows of their own.
    /// </summary>
    public Func<object, object?>? Read { get; init; }

    /// <summary>The items of a collection (<c>listen</c>, <c>environment</c>, <c>processes</c>, <c>systemd.extra</c>), each with its key.</summary>
    public Func<ServiceModel, IEnumerable<KeyValuePair<string, object>>>? Items { get; init; }

    /// <summary>The mapping this key belongs to: <c>""</c> for the root, <c>listen[]</c> for an item of <c>listen</c>.</summary>
    public string Section => Path.LastIndexOf('.') is var dot and >= 0 ? Path[..dot] : string.Empty;

    /// <summary>The key as written in YAML: the last part of the path without <c>[]</c>.</summary>
    public string Key => (Path.LastIndexOf('.') is var dot and >= 0 ? Path[(dot + 1)..] : Path).TrimEnd(']').TrimEnd('[');
}
