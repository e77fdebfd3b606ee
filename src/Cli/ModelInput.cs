using System.Collections.Immutable;
using UnitGen.Model;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Loading;
using UnitGen.Model.Rules;

namespace UnitGen.Cli;

/// <summary>Loads and validates model files for the commands, turning I/O failures into usage errors.</summary>
internal static class ModelInput
{
    public sealed record Checked(string File, ServiceModel? Model, SourceMap Map, ImmutableArray<Diagnostic> Diagnostics)
    {
        public bool HasErrors => Model is null || Diagnostics.Any(d => d.IsError);
    }

    /// <returns>The checked models, or null after printing why a file could not be read.</returns>
    public static ImmutableArray<Checked>? LoadAndValidate(IEnumerable<string> files, TextWriter stderr)
    {
        var loaded = new List<Checked>();
        foreach (var file in files)
        {
            if (file.Length == 0)
            {
                // Path APIs throw ArgumentException for "", which would surface as a stack trace.
                stderr.WriteLine("unitgen: error: a model path is empty.");
                return null;
            }

            LoadResult result;
            try
            {
                result = ModelLoader.LoadFile(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"{file}: error: cannot read the model: {e.Message}");
                return null;
            }

            loaded.Add(new Checked(file, result.Model, result.Map, Validator.Validate(result)));
        }

        return [.. loaded];
    }
}
