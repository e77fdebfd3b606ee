using System.Collections.Immutable;
using FsCheck;
using UnitGen.Model;

namespace UnitGen.Tests.Properties;

/// <summary>
/// One string-valued key of <c>unitgen.yaml</c>: how a hostile value is planted, which record
/// properties it fills (<see cref="Covers"/>, checked by reflection), the codes that may reject it,
/// and where the generated files must give it back.
/// </summary>
/// <param name="Path">The key as the diagnostics name it.</param>
/// <param name="Values">The generator: hostile text, often behind a prefix that makes it plausible.</param>
/// <param name="Plant">The model template with the value planted (as a YAML scalar, see <see cref="YamlScalar"/>).</param>
/// <param name="Covers">Record properties this key fills, as <c>Type.Property</c>.</param>
/// <param name="RejectCodes">The specific codes that may reject a value of this key.</param>
/// <param name="Loaded">The value as the loader stored it, for the exact read-back of the model itself; null for typed keys.</param>
/// <param name="ReadBack">Asserts that every generated file gives the value back exactly.</param>
/// <param name="Judges">The real programs that must accept the generated text.</param>
public sealed record StringField(
    string Path,
    Gen<string> Values,
    Func<ModelTemplate, string, ModelTemplate> Plant,
    ImmutableArray<string> Covers,
    ImmutableHashSet<string> RejectCodes,
    Func<ServiceModel, string, string?>? Loaded,
    Action<string, EmittedSet> ReadBack,
    Judges Judges)
{
    public override string ToString() => Path;
}
