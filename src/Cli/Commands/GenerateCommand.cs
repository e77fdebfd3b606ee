using System.CommandLine;
using UnitGen.Emitters;
using UnitGen.Emitters.Output;

namespace UnitGen.Cli.Commands;

/// <summary><c>unitgen generate MODEL [--out DIR] [--check]</c>: validate, then write every file atomically.</summary>
internal static class GenerateCommand
{
    /// <summary>Where files go without <c>--out</c>.</summary>
    public const string DefaultOut = "deploy";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Argument<string>("MODEL") { Description = "The unitgen.yaml to generate from." };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The output folder (created if missing).",
            DefaultValueFactory = _ => DefaultOut,
        };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 if any file would change (drift)." };
        var format = CliApp.FormatOption();
        var command = new Command("generate", "Validate MODEL and write its systemd, runit, app server and env files.")
        {
            model, output, check, format,
        };
        command.SetAction(parse => Execute(parse.GetValue(model)!, parse.GetValue(output)!, parse.GetValue(check), parse.GetValue(format), stdout, stderr));
        return command;
    }

    /// <summary>
    /// The command itself, shared by the System.CommandLine action and <see cref="GenerateFastPath"/>
    /// so both give the same output and exit code.
    /// </summary>
    public static int Execute(string model, string outDir, bool checkOnly, OutputFormat format, TextWriter stdout, TextWriter stderr)
    {
        var printer = new DiagnosticPrinter(stdout, stderr, format);
        if (ModelInput.LoadAndValidate([model], stderr) is not [var input])
        {
            return ExitCodes.Usage;
        }

        printer.Print(input.Diagnostics);
        if (input.HasErrors)
        {
            stderr.WriteLine($"unitgen: {input.File} has errors; nothing was written.");
            return ExitCodes.Failed;
        }

        if (outDir.Length == 0)
        {
            stderr.WriteLine("unitgen: error: --out is empty.");
            return ExitCodes.Usage;
        }

        try
        {
            var changes = OutputWriter.Write(outDir, Generator.Emit(input.Model!), checkOnly);
            foreach (var change in changes.Where(c => c.IsDrift))
            {
                var verb = (checkOnly, change.Kind) switch
                {
                    (true, FileChangeKind.Created) => "missing",
                    (true, _) => "differs",
                    (false, FileChangeKind.Created) => "created",
                    _ => "updated",
                };
                stdout.WriteLine($"{verb}: {Path.Combine(outDir, change.Path)}");
            }

            var drift = changes.Count(c => c.IsDrift);
            stdout.WriteLine(checkOnly
                ? $"{changes.Length} files checked, {drift} out of date."
                : $"{changes.Length} files in {outDir}: {drift} written, {changes.Length - drift} unchanged.");
            return checkOnly && drift > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{outDir}: error: cannot write: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}
