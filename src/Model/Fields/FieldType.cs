namespace UnitGen.Model.Fields;

/// <summary>The YAML shape of a key of <c>unitgen.yaml</c>.</summary>
internal enum FieldType
{
    /// <summary>A string.</summary>
    Text,
    /// <summary>true or false.</summary>
    Flag,
    /// <summary>A whole number.</summary>
    Number,
    /// <summary>A version string such as <c>"5.6.5"</c>.</summary>
    Version,
    /// <summary>One word of a fixed set (<c>puma</c>, <c>hot</c>, …).</summary>
    Choice,
    /// <summary>A list of strings, or of choices.</summary>
    List,
    /// <summary>A mapping with keys of its own: a section of this table.</summary>
    Section,
    /// <summary>A list of sections (<c>listen</c>) or a mapping of named sections (<c>processes</c>, <c>environment</c>).</summary>
    Collection,
}
