using System.Collections.Immutable;
using UnitGen.Model.Fields;

namespace UnitGen.Model.Loading;

/// <summary>
/// The keys of each mapping of <c>unitgen.yaml</c>, read from the field table (<see cref="ModelFields"/>):
/// a key not listed here is a hard error. The JSON schema is tested against these sections key for key.
/// </summary>
internal static class ModelKeys
{
    public static readonly ImmutableArray<string> Root = ModelFields.KeysOf(string.Empty);

    public static readonly ImmutableArray<string> Server = ModelFields.KeysOf("server");

    public static readonly ImmutableArray<string> Threads = ModelFields.KeysOf("server.threads");

    public static readonly ImmutableArray<string> Listener = ModelFields.KeysOf("listen[]");

    public static readonly ImmutableArray<string> Systemd = ModelFields.KeysOf("systemd");

    public static readonly ImmutableArray<string> Runit = ModelFields.KeysOf("runit");

    /// <summary>One entry of <c>processes:</c> (its key is the process name).</summary>
    public static readonly ImmutableArray<string> Process = ModelFields.KeysOf("processes.*");

    public static readonly ImmutableArray<string> Deploy = ModelFields.KeysOf("deploy");

    public static readonly ImmutableArray<string> Health = ModelFields.KeysOf("deploy.health");

    public static readonly ImmutableArray<string> Capistrano = ModelFields.KeysOf("deploy.capistrano");

    public static readonly ImmutableArray<string> Rolling = ModelFields.KeysOf("deploy.capistrano.rolling");

    /// <summary>Every mapping of the model by its schema location ("" is the root, "listen[]" an item).</summary>
    public static readonly ImmutableDictionary<string, ImmutableArray<string>> Sections =
        ModelFields.All.Where(f => f.Key != "*").Select(f => f.Section).Distinct(StringComparer.Ordinal)
            .ToImmutableDictionary(section => section, ModelFields.KeysOf, StringComparer.Ordinal);
}
