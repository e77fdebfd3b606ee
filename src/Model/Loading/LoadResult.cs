using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Rules;

namespace UnitGen.Model.Loading;

/// <summary>What the loader read: the model (null when the file is unusable), what was wrong, and where each value was.</summary>
public sealed record LoadResult
{
    internal LoadResult(ServiceModel? model, SourceMap map, ImmutableArray<Diagnostic> diagnostics)
    {
        Model = model;
        Map = map;
        Diagnostics = diagnostics;
    }

    /// <summary>The model, or null when the file has errors of YAML shape, type or value.</summary>
    public ServiceModel? Model { get; }

    /// <summary>The loader's own diagnostics; <see cref="Validate"/> adds the rules'.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Where each value of the model was written, for placing the rules' findings.</summary>
    internal SourceMap Map { get; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The loader's diagnostics, then — when a model was read — every rule's, each at its line and column.</summary>
    public ImmutableArray<Diagnostic> Validate() => Validator.Validate(this);
}
