using Microsoft.Build.Framework;

namespace UnitGen.MSBuild;

/// <summary>
/// The build-time check (target UnitGenValidate): every rule, no files written, so <c>dotnet build</c> fails on a
/// broken model as it fails on a compile error, long before a publish.
/// </summary>
public sealed class ValidateDeploymentModel : ModelTask
{
    /// <summary>Touched after a clean check; the target's incremental output.</summary>
    [Required]
    public string StampFile { get; set; } = string.Empty;

    public override bool Execute()
    {
        if (LoadValidModel() is null)
        {
            return false;
        }

        try
        {
            Touch(StampFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogCodeError(Model.Loading.IoCodes.CannotWrite, StampFile, $"Cannot write {StampFile}: {e.Message}");
            return false;
        }

        return !Log.HasLoggedErrors;
    }
}
