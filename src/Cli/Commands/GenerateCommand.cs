using System.CommandLine;
using System.Text;
using System.Text.Json;
using UnitGen.Cli.Output;
using UnitGen.Emitters;
using UnitGen.Emitters.Install;
using UnitGen.Emitters.Output;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Cli.Commands;

/// <summary>
/// <c>unitgen generate MODEL [--out DIR] [--check | --diff] [--format json]</c>: validate, then write every file
/// atomically, remove the files an earlier generate of this model wrote and this one does not (manifest), and
/// say how to restart the service.
/// </summary>
internal static class GenerateCommand
{
    /// <summary>Where files go without <c>--out</c>.</summary>
    public const string DefaultOut = "deploy";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Argument<string>("MODEL") { Description = "The unitgen.yaml to generate from." };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The output folder (created if missing).",
            DefaultValueFactory = _ => DefaultOut,
        };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 if any file would change (drift)." };
        var diff = new Option<bool>("--diff") { Description = "Write nothing; print what would change as a unified diff (modes too); exit 1 on drift." };
        var format = CliApp.FormatOption();
        var command = new Command("generate", "Validate MODEL and write its systemd, runit, app server and env files.")
        {
            model, output, check, diff, format,
        };
        command.SetAction(parse => Execute(parse.GetValue(model)!, parse.GetValue(output)!, parse.GetValue(check), parse.GetValue(format), stdout, stderr, parse.GetValue(diff)));
        return command;
    }

    /// <summary>
    /// The command itself, shared by the System.CommandLine action and <see cref="GenerateFastPath"/>
    /// so both give the same output and exit code.
    /// </summary>
    public static int Execute(string model, string outDir, bool checkOnly, OutputFormat format, TextWriter stdout, TextWriter stderr, bool diff = false)
    {
        var json = format == OutputFormat.Json;
        if (ModelInput.LoadAndValidate([model], stderr) is not [var input])
        {
            return ExitCodes.Usage;
        }

        if (input.HasErrors)
        {
            if (json)
            {
                stdout.WriteLine(Json(input.Diagnostics, [], []));
            }
            else
            {
                new DiagnosticPrinter(stdout, stderr, format).Print(input.Diagnostics);
            }

            stderr.WriteLine($"unitgen: {input.File} has errors; nothing was written.");
            return ExitCodes.Failed;
        }

        if (!json)
        {
            new DiagnosticPrinter(stdout, stderr, format).Print(input.Diagnostics);
        }

        if (outDir.Length == 0)
        {
            stderr.WriteLine("unitgen: error: --out is empty.");
            return ExitCodes.Usage;
        }

        var writeNothing = checkOnly || diff;
        try
        {
            var files = Generator.Emit(input.Model!);
            var stale = GenerationManifest.StaleFiles(outDir, input.Model!.Name, files.Select(f => f.Path));
            if (diff)
            {
                PrintDiff(outDir, files, stale, stdout);
            }

            var changes = OutputWriter.Write(outDir, files, writeNothing);
            if (!writeNothing)
            {
                GenerationManifest.Remove(outDir, stale);
                GenerationManifest.Write(outDir, input.Model.Name, files.Select(f => f.Path));
            }

            var drift = changes.Count(c => c.IsDrift) + stale.Length;
            var restart = RestartCommand.For(input.Model);
            if (json)
            {
                stdout.WriteLine(Json(input.Diagnostics, [.. changes.Select(c => (c.Path, Verb(writeNothing, c.Kind))), .. stale.Select(s => (s, writeNothing ? "stale" : "removed"))], restart));
            }
            else if (!diff)
            {
                foreach (var change in changes.Where(c => c.IsDrift))
                {
                    stdout.WriteLine($"{Verb(checkOnly, change.Kind)}: {Path.Combine(outDir, change.Path)}");
                }

                foreach (var file in stale)
                {
                    stdout.WriteLine($"{(checkOnly ? "stale" : "removed")}: {Path.Combine(outDir, file)}");
                }

                stdout.WriteLine(checkOnly
                    ? $"{changes.Length} files checked, {drift} out of date."
                    : $"{changes.Length} files in {outDir}: {drift - stale.Length} written, {changes.Length - drift + stale.Length} unchanged{(stale.Length > 0 ? $", {stale.Length} removed" : string.Empty)}.");
                if (!checkOnly)
                {
                    PrintRestart(restart, stdout);
                }
            }

            return writeNothing && drift > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{outDir}: error {Model.Loading.IoCodes.CannotWrite}: cannot write: {e.Message}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>The last lines of a generate or install: how to restart the service after a deploy.</summary>
    internal static void PrintRestart(IReadOnlyList<string> commands, TextWriter stdout)
    {
        foreach (var command in commands)
        {
            stdout.WriteLine($"restart with: {command}");
        }
    }

    private static string Verb(bool checkOnly, FileChangeKind kind) => (checkOnly, kind) switch
    {
        (_, FileChangeKind.Unchanged) => "unchanged",
        (true, FileChangeKind.Created) => "missing",
        (true, _) => "differs",
        (false, FileChangeKind.Created) => "created",
        _ => "updated",
    };

    private static void PrintDiff(string outDir, IEnumerable<EmittedFile> files, IEnumerable<string> stale, TextWriter stdout)
    {
        foreach (var file in files)
        {
            var onDisk = Read(Path.Combine(outDir, file.Path));
            if (onDisk is not { } old || old.Text != file.Content || old.Mode != file.Mode)
            {
                stdout.Write(UnifiedDiff.Of(file.Path, onDisk, (file.Content, file.Mode)));
            }
        }

        foreach (var path in stale)
        {
            stdout.Write(UnifiedDiff.Of(path, Read(Path.Combine(outDir, path)), null));
        }
    }

    private static (string Text, UnixFileMode Mode)? Read(string path) =>
        File.Exists(path) ? (File.ReadAllText(path, Utf8), OperatingSystem.IsWindows() ? EmittedFile.Readable : File.GetUnixFileMode(path)) : null;

    /// <summary>The one JSON document of <c>--format json</c>: diagnostics, each file's change, the restart commands.</summary>
    private static string Json(IEnumerable<Diagnostic> diagnostics, IEnumerable<(string Path, string Change)> files, IEnumerable<string> restart)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            DiagnosticPrinter.WriteDiagnostics(json, diagnostics);
            json.WriteStartArray("files");
            foreach (var (path, change) in files)
            {
                json.WriteStartObject();
                json.WriteString("path", path);
                json.WriteString("change", change);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("restart");
            foreach (var command in restart)
            {
                json.WriteStringValue(command);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
