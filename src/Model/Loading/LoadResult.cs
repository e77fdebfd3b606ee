using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Loading;

/// <summary>What the loader read: the model (null when the file is unusable), where each value was, and what was wrong.</summary>
public sealed record LoadResult(ServiceModel? Model, SourceMap Map, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
