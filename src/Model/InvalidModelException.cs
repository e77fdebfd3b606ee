using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model;

/// <summary>
/// Thrown by <c>model.Emit()</c> for a model <see cref="ServiceModel.Validate"/> finds errors in: no
/// file is produced from a model systemd or runit would refuse.
/// </summary>
public sealed class InvalidModelException : Exception
{
    public InvalidModelException()
        : this([])
    {
    }

    public InvalidModelException(string message)
        : base(message)
    {
    }

    public InvalidModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidModelException(ImmutableArray<Diagnostic> diagnostics)
        : base(Describe(diagnostics)) => Diagnostics = diagnostics.IsDefault ? [] : diagnostics;

    /// <summary>The errors (and any warnings) of the model, in canonical form by <see cref="Diagnostic.ToString"/>.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; } = [];

    private static string Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.IsDefaultOrEmpty
            ? "The model is not valid."
            : $"The model is not valid:{System.Environment.NewLine}{string.Join(System.Environment.NewLine, diagnostics)}";
}
