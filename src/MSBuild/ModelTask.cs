using System.Collections.Immutable;
using Microsoft.Build.Framework;
using UnitGen.Model;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Loading;
using UnitGen.Model.Rules;
using UnitGen.Model.Rules.Project;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace UnitGen.MSBuild;

/// <summary>
/// What both UnitGen tasks do first: read the model, check it against every rule — the model's own and
/// those that need this project (its references, its appsettings files) — and log each diagnostic with
/// file, line, column and code, so a broken model fails the build like a compiler error.
/// </summary>
public abstract class ModelTask : MSBuildTask
{
    [Required]
    public string ConfigFile { get; set; } = string.Empty;

    /// <summary>
    /// Package ids, project and resolved assembly names (@(PackageReference), @(ProjectReference) file names,
    /// @(ReferencePath) file names): what the app can call.
    /// </summary>
    public ITaskItem[] References { get; set; } = [];

    /// <summary>The project's appsettings*.json files.</summary>
    public ITaskItem[] AppSettingsFiles { get; set; } = [];

    /// <returns>The valid model, or null after logging why there is none.</returns>
    protected ServiceModel? LoadValidModel()
    {
        if (!File.Exists(ConfigFile))
        {
            LogCodeError(IoCodes.ModelUnreadable, ConfigFile,
                $"The model {ConfigFile} does not exist. Fix: create it with `unitgen init`, set the UnitGenConfig property to its path, or set UnitGenSkip=true.");
            return null;
        }

        LoadResult loaded;
        ImmutableArray<AppSettingsEndpoint> endpoints;
        try
        {
            loaded = ModelLoader.LoadFile(ConfigFile);
            endpoints = [.. AppSettingsFiles.SelectMany(f => AppSettingsReader.Endpoints(f.ItemSpec, File.ReadAllBytes(f.ItemSpec)))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogCodeError(IoCodes.ModelUnreadable, ConfigFile, $"Cannot read {ConfigFile} or the project's appsettings files: {e.Message}");
            return null;
        }

        var diagnostics = loaded.Validate();
        if (loaded.Model is not null)
        {
            var project = new ProjectFacts([.. References.Select(r => r.ItemSpec)], endpoints);
            diagnostics = [.. diagnostics, .. ProjectRuleCatalog.Validate(loaded.Model, loaded.Map, project)];
        }

        foreach (var d in diagnostics)
        {
            Report(d);
        }

        return loaded.Model is null || diagnostics.Any(d => d.IsError) ? null : loaded.Model;
    }

    protected void LogCodeError(string code, string file, string message) =>
        Log.LogError(null, code, null, null, file, 0, 0, 0, 0, message);

    /// <summary>Writes an empty marker file: the incremental output of the target that ran this task.</summary>
    protected static void Touch(string stampFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(stampFile))!);
        File.WriteAllText(stampFile, string.Empty);
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
