using System.CommandLine;
using UnitGen.Lint;

namespace UnitGen.Cli.Commands;

/// <summary><c>unitgen lint FILE... [--gemfile-lock FILE] [--puma-version V] [--bundler-version V]</c>: checks hand-written units, app configs, run scripts and env files.</summary>
internal static class LintCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = ".service, .socket, puma.rb, unicorn.rb, runit `run` scripts, env files and Gemfile.lock (kind by name and content).",
            Arity = ArgumentArity.OneOrMore,
        };
        var gemfileLock = new Option<string?>("--gemfile-lock") { Description = "The app's Gemfile.lock, for the puma, unicorn, bundler and sd_notify versions (default: one beside or above the files)." };
        var pumaVersion = new Option<string?>("--puma-version") { Description = "The puma version the files run with; wins over Gemfile.lock." };
        var bundlerVersion = new Option<string?>("--bundler-version") { Description = "The bundler version `bundle exec` runs with; wins over Gemfile.lock." };
        var format = CliApp.FormatOption();
        var command = new Command("lint", "Find the known mistakes in existing, hand-written deployment files.") { files, gemfileLock, pumaVersion, bundlerVersion, format };
        command.SetAction(parse =>
        {
            var flags = LockedVersions.None;
            foreach (var (option, apply) in new (Option<string?> Option, Func<Version, LockedVersions> Apply)[]
            {
                (pumaVersion, v => flags.WithServer("puma", v) with { Source = "--puma-version" }),
                (bundlerVersion, v => flags with { Bundler = v, Source = "--bundler-version" }),
            })
            {
                if (parse.GetValue(option) is not { } text)
                {
                    continue;
                }

                if (LockedVersions.ParseVersion(text) is not { } version)
                {
                    stderr.WriteLine($"unitgen: error: {option.Name} `{text}` is not a version such as 5.6.5.");
                    return ExitCodes.Usage;
                }

                flags = apply(version);
            }

            var paths = parse.GetValue(files)!.ToList();
            if (parse.GetValue(gemfileLock) is { } lockPath)
            {
                paths.Add(lockPath);
            }

            var inputs = LintInput.Read(paths);
            var diagnostics = inputs.Problems.AddRange(Linter.Lint(inputs.Files, flags));
            new DiagnosticPrinter(stdout, stderr, parse.GetValue(format)).Print(diagnostics);
            if (parse.GetValue(format) == OutputFormat.Text)
            {
                var errors = diagnostics.Count(d => d.IsError);
                var warnings = diagnostics.Count(d => d.Severity == Model.Diagnostics.Severity.Warning);
                stdout.WriteLine($"{inputs.Files.Count(f => f.Kind != LintFileKind.GemfileLock)} file(s): {errors} error(s), {warnings} warning(s), {diagnostics.Length - errors - warnings} info(s).");
            }

            return diagnostics.Any(d => d.IsError) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Reads the given files with their kind and mode; null after printing why one cannot be read (import needs every file).</summary>
    internal static List<LintFile>? Read(IEnumerable<string> paths, TextWriter stderr)
    {
        var inputs = LintInput.Read(paths, findGemfileLock: false);
        foreach (var problem in inputs.Problems)
        {
            stderr.WriteLine($"{problem.Location.File}: error: {problem.Message}");
        }

        return inputs.Problems.IsEmpty ? [.. inputs.Files] : null;
    }
}
