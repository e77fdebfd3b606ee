using System.Collections.Immutable;
using UnitGen.Model;

namespace UnitGen.Emitters;

/// <summary>Model → every file of the output layout (DESIGN.md). Pure: no I/O.</summary>
public static class Generator
{
    public static ImmutableArray<EmittedFile> Emit(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [];
    }
}
