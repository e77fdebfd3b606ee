using System.Collections.Immutable;
using UnitGen.Model;

namespace UnitGen.Lint.Import;

/// <summary>A line of a hand-written file, written <c>puma.rb(12)</c> in the imported model's comments.</summary>
internal sealed record SourceLine(string File, int Line)
{
    public override string ToString() => $"{Path.GetFileName(File)}({Line})";
}

/// <summary>A setting the source states that the model does not carry: its text, and why not / what to do.</summary>
internal sealed record NotImportedSetting(SourceLine Source, string Text, string Reason);

/// <summary>
/// What <c>unitgen import</c> read: the model, where each written key came from (<see cref="Origins"/>,
/// by model path such as <c>server.threads</c> or <c>listen[0]</c>), notes written above keys whose value
/// was derived (a relative path resolved, a variable substituted), and every other setting of the
/// source with the reason it is not in the model. Together they name every line the readers saw.
/// </summary>
internal sealed record ImportedModel(ServiceModel Model)
{
    public ImmutableDictionary<string, ImmutableArray<SourceLine>> Origins { get; init; } =
        ImmutableDictionary<string, ImmutableArray<SourceLine>>.Empty;

    public ImmutableDictionary<string, string> Notes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Lines written commented out in place of a key, with why (e.g. a command UnitGen cannot write as it was meant).</summary>
    public ImmutableDictionary<string, string> CommentedKeys { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<NotImportedSetting> NotImported { get; init; } = [];

    /// <summary>Notes about the whole import (a template unit, a file that was not given).</summary>
    public ImmutableArray<string> Header { get; init; } = [];
}
