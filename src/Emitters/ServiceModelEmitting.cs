using UnitGen.Model;

namespace UnitGen.Emitters;

/// <summary><c>model.Emit()</c>: the files of a valid model, in memory.</summary>
public static class ServiceModelEmitting
{
    /// <summary>
    /// Every file of the output layout (paths relative to the output folder). Validates first, with the
    /// same rules as the YAML path, and emits nothing from an invalid model.
    /// </summary>
    /// <exception cref="InvalidModelException">The model has errors; the exception holds its diagnostics.</exception>
    public static EquatableArray<EmittedFile> Emit(this ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var diagnostics = model.Validate();
        return diagnostics.Any(d => d.IsError) ? throw new InvalidModelException(diagnostics) : (EquatableArray<EmittedFile>)Generator.Emit(model);
    }
}
