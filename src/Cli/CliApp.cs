using System.CommandLine;
using System.Runtime.CompilerServices;
using UnitGen.Cli.Commands;

namespace UnitGen.Cli;

/// <summary>The <c>unitgen</c> command line, runnable in-process for tests.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        GenerateFastPath.TryParse(args) is { } generate
            ? GenerateCommand.Execute(generate.Model, generate.Out, generate.Check, OutputFormat.Text, stdout, stderr)
            : RunParsed(args, stdout, stderr);

    /// <summary>Every command line through System.CommandLine (help, errors, all commands).</summary>
    // Not inlined: the fast path must not load System.CommandLine at all.
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int RunParsed(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Generate and validate systemd units, runit services and puma/unicorn configs from one model.")
        {
            GenerateCommand.Create(stdout, stderr),
            InstallCommand.Create(stdout, stderr),
            ValidateCommand.Create(stdout, stderr),
            ExplainCommand.Create(stdout, stderr),
            SchemaCommand.Create(stdout),
            InitCommand.Create(stdout, stderr),
            LintCommand.Create(stdout, stderr),
            ImportCommand.Create(stdout, stderr),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"unitgen: error: {error.Message}");
            }

            stderr.WriteLine("Run `unitgen --help` for usage.");
            return ExitCodes.Usage;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    internal static Option<OutputFormat> FormatOption() => new("--format")
    {
        Description = "How diagnostics are printed: text (MSBuild canonical, on stderr) or json (on stdout).",
        DefaultValueFactory = _ => OutputFormat.Text,
    };
}
