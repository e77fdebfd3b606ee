using UnitGen.Tests.Support;

namespace UnitGen.Tests.Cli;

/// <summary>Paths that are no model file are usage or I/O errors (exit 2) with one line, never a stack trace.</summary>
[Trait(Category.Name, Category.Unit)]
public class HostileArgumentTests
{
    private static readonly string Sample = Path.Combine(RepoPaths.Samples, "puma-phased.yaml");

    /// <summary>Command lines, one argument per line (so that an empty argument shows).</summary>
    public static TheoryData<string> Arguments =>
    [
        "validate\n",
        "validate\n/",
        "validate\n/nonexistent/unitgen.yaml",
        "generate\n",
        $"generate\n{Sample}\n--out\n",
        $"generate\n{Sample}\n--out\n/proc/unitgen-cannot-be-here",
    ];

    [Theory]
    [MemberData(nameof(Arguments))]
    public void A_path_that_is_no_model_or_no_folder_is_exit_2_without_stack_trace(string commandLine)
    {
        var run = CliRun.Of(commandLine.Split('\n'));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Stderr, StringComparison.Ordinal);
    }
}
