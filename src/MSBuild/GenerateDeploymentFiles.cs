using Microsoft.Build.Framework;
using UnitGen.Emitters;
using UnitGen.Emitters.Output;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Loading;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace UnitGen.MSBuild;

/// <summary>
/// Loads and validates the model, then writes its files into <see cref="OutputDirectory"/>. Diagnostics
/// become MSBuild errors and warnings with file, line, column and code, so a broken model fails the build.
/// </summary>
public sealed class GenerateDeploymentFiles : MSBuildTask
{
    [Required]
    public string ConfigFile { get; set; } = string.Empty;

    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>Touched after a successful generation; the target's incremental output.</summary>
    [Required]
    public string StampFile { get; set; } = string.Empty;

    public override bool Execute()
    {
        if (!File.Exists(ConfigFile))
        {
            Log.LogError($"UnitGen: the model {ConfigFile} does not exist. Create it with `unitgen init`, or set the UnitGenConfig property.");
            return false;
        }

        LoadResult loaded;
        try
        {
            loaded = ModelLoader.LoadFile(ConfigFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogError($"UnitGen: cannot read {ConfigFile}: {e.Message}");
            return false;
        }

        var diagnostics = loaded.Validate();
        foreach (var d in diagnostics)
        {
            Report(d);
        }

        if (loaded.Model is null || diagnostics.Any(d => d.IsError))
        {
            return false;
        }

        // Start from an empty folder so a file the model no longer produces is not published.
        if (Directory.Exists(OutputDirectory))
        {
            Directory.Delete(OutputDirectory, recursive: true);
        }

        var files = loaded.Model.Emit();
        files.WriteTo(OutputDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(StampFile))!);
        File.WriteAllText(StampFile, string.Empty);
        Log.LogMessage(MessageImportance.Normal, $"UnitGen: generated {files.Length} files from {ConfigFile}.");
        return true;
    }

    private void Report(Diagnostic d)
    {
        var l = d.Location;
        switch (d.Severity)
        {
            case Severity.Error:
                Log.LogError(null, d.Code, null, null, l.File, l.Line, l.Column, 0, 0, d.FullMessage);
                break;
            case Severity.Warning:
                Log.LogWarning(null, d.Code, null, null, l.File, l.Line, l.Column, 0, 0, d.FullMessage);
                break;
            default:
                Log.LogMessage(null, d.Code, null, l.File, l.Line, l.Column, 0, 0, MessageImportance.Normal, d.FullMessage);
                break;
        }
    }
}
