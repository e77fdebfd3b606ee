using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using UnitGen.Emitters;
using UnitGen.Emitters.Output;
using UnitGen.Model.Loading;

namespace UnitGen.MSBuild;

/// <summary>
/// The publish-time generation (target UnitGenGenerate): validates like <see cref="ValidateDeploymentModel"/>,
/// then writes the model's files into <see cref="OutputDirectory"/> and returns them as items.
/// </summary>
public sealed class GenerateDeploymentFiles : ModelTask
{
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>Touched after a successful generation; the target's incremental output.</summary>
    [Required]
    public string StampFile { get; set; } = string.Empty;

    /// <summary>Every file written, full path, with metadata <c>RelativePath</c> (inside the output folder) and <c>FileMode</c> (octal).</summary>
    [Output]
    public ITaskItem[] GeneratedFiles { get; private set; } = [];

    public override bool Execute()
    {
        if (LoadValidModel() is not { } model)
        {
            return false;
        }

        var files = model.Emit();
        try
        {
            // Start from an empty folder so a file the model no longer produces is not published.
            if (Directory.Exists(OutputDirectory))
            {
                Directory.Delete(OutputDirectory, recursive: true);
            }

            files.WriteTo(OutputDirectory);
            Touch(StampFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A logged error, not an exception: MSBuild would print MSB4018 and a stack trace for it.
            LogCodeError(IoCodes.CannotWrite, OutputDirectory, $"Cannot write the generated files to {OutputDirectory}: {e.Message}");
            return false;
        }

        GeneratedFiles = [.. files.Select(f => (ITaskItem)new TaskItem(Path.GetFullPath(Path.Combine(OutputDirectory, f.Path)), new Dictionary<string, string>
        {
            ["RelativePath"] = f.Path,
            ["FileMode"] = Convert.ToString((int)f.Mode, 8),
        }))];
        Log.LogMessage(MessageImportance.Normal, $"UnitGen: generated {files.Length} files from {ConfigFile}.");
        return !Log.HasLoggedErrors;
    }
}
