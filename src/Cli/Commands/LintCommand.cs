using System.CommandLine;
using UnitGen.Model.Lint;

namespace UnitGen.Cli.Commands;

/// <summary><c>unitgen lint FILE...</c>: checks hand-written units, app configs, run scripts and env files.</summary>
internal static class LintCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = ".service, .socket, puma.rb, unicorn.rb, runit `run` scripts and env files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = CliApp.FormatOption();
        var command = new Command("lint", "Find the known mistakes in existing, hand-written deployment files.") { files, format };
        command.SetAction(parse =>
        {
            if (Read(parse.GetValue(files)!, stderr) is not { } inputs)
            {
                return ExitCodes.Usage;
            }

            var diagnostics = Linter.Lint(inputs);
            new DiagnosticPrinter(stdout, stderr, parse.GetValue(format)).Print(diagnostics);
            if (parse.GetValue(format) == OutputFormat.Text)
            {
                stdout.WriteLine(DiagnosticPrinter.Summary(inputs.Count, "file(s)", diagnostics));
            }

            return diagnostics.Any(d => d.IsError) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Reads the given files with their kind and mode; null after printing why one cannot be read.</summary>
    internal static List<LintFile>? Read(IEnumerable<string> paths, TextWriter stderr)
    {
        var inputs = new List<LintFile>();
        foreach (var path in paths)
        {
            if (LintFile.KindOf(path) is not { } kind)
            {
                stderr.WriteLine($"{path}: error: unknown kind of file; lint reads .service, .socket, *.rb, `run` and .env files.");
                return null;
            }

            try
            {
                inputs.Add(new LintFile(path, kind, File.ReadAllText(path), OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"{path}: error: cannot read: {e.Message}");
                return null;
            }
        }

        return inputs;
    }
}
