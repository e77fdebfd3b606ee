using UnitGen.Cli;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Cli;

/// <summary>
/// The hand-read <c>generate</c> command line must behave exactly like System.CommandLine's reading of
/// it, and must hand every other command line to System.CommandLine.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public class GenerateFastPathTests
{
    private static string Sample => Path.Combine(RepoPaths.Samples, "puma-phased.yaml");

    public static TheoryData<string[], string, string, bool> Accepted => new()
    {
        { ["generate", "m.yaml"], "m.yaml", "deploy", false },
        { ["generate", "m.yaml", "--out", "d"], "m.yaml", "d", false },
        { ["generate", "-o", "d", "m.yaml", "--check"], "m.yaml", "d", true },
        { ["generate", "--check", "m.yaml"], "m.yaml", "deploy", true },
        { ["generate", "m.yaml", "-o", "true"], "m.yaml", "true", false },
    };

    public static TheoryData<string[]> Refused => new()
    {
        { [] },
        { ["generate"] },
        { ["validate", "m.yaml"] },
        { ["Generate", "m.yaml"] },
        { ["[diagram]", "generate", "m.yaml"] },
        { ["generate", "--help"] },
        { ["generate", "m.yaml", "-h"] },
        { ["generate", "m.yaml", "--out"] },
        { ["generate", "m.yaml", "--out=d"] },
        { ["generate", "m.yaml", "--out", "-d"] },
        { ["generate", "m.yaml", "--out", "d", "-o", "e"] },
        { ["generate", "m.yaml", "--check", "--check"] },
        { ["generate", "m.yaml", "--check", "true"] },
        { ["generate", "m.yaml", "--format", "json"] },
        { ["generate", "m.yaml", "other.yaml"] },
        { ["generate", "@args.rsp"] },
        { ["generate", ""] },
        { ["generate", "--", "m.yaml"] },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Reads_the_plain_generate_line(string[] args, string model, string output, bool check)
    {
        Assert.Equal(new GenerateFastPath.Request(model, output, check), GenerateFastPath.TryParse(args));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Leaves_everything_else_to_System_CommandLine(string[] args)
    {
        Assert.Null(GenerateFastPath.TryParse(args));
    }

    public static TheoryData<string> Scenarios => new()
    {
        "fresh", "unchanged", "check-clean", "check-drift", "check-empty", "invalid-model", "missing-model", "unwritable", "short-out",
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Gives_the_same_output_exit_code_and_files_as_System_CommandLine(string scenario)
    {
        using var fast = new TempFolder();
        using var full = new TempFolder();

        var fastRun = Run(scenario, fast.Path, CliApp.Run);
        var fullRun = Run(scenario, full.Path, CliApp.RunParsed);

        Assert.NotNull(GenerateFastPath.TryParse(Args(scenario, fast.Path)));
        Assert.Equal(fullRun.ExitCode, fastRun.ExitCode);
        Assert.Equal(fullRun.Stdout.Replace(full.Path, "DIR", StringComparison.Ordinal), fastRun.Stdout.Replace(fast.Path, "DIR", StringComparison.Ordinal));
        Assert.Equal(fullRun.Stderr.Replace(full.Path, "DIR", StringComparison.Ordinal), fastRun.Stderr.Replace(fast.Path, "DIR", StringComparison.Ordinal));
        Assert.Equal(FolderSnapshot.Of(full.Path), FolderSnapshot.Of(fast.Path));
    }

    private static CliRun Run(string scenario, string dir, Func<string[], TextWriter, TextWriter, int> cli)
    {
        var outDir = Path.Combine(dir, "out");
        switch (scenario)
        {
            case "unchanged" or "check-clean":
                Assert.Equal(0, CliApp.RunParsed(["generate", Sample, "--out", outDir], TextWriter.Null, TextWriter.Null));
                break;
            case "check-drift":
                Assert.Equal(0, CliApp.RunParsed(["generate", Sample, "--out", outDir], TextWriter.Null, TextWriter.Null));
                File.WriteAllText(Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First(), "edited\n");
                break;
            case "unwritable":
                File.WriteAllText(outDir, "a file where the folder should be");
                break;
        }

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = cli(Args(scenario, dir), stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private static string[] Args(string scenario, string dir)
    {
        var outDir = Path.Combine(dir, "out");
        return scenario switch
        {
            "check-clean" or "check-drift" or "check-empty" => ["generate", Sample, "--out", outDir, "--check"],
            "invalid-model" => ["generate", Path.Combine(RepoPaths.InvalidSamples, "misspelled-key.yaml"), "--out", outDir],
            "missing-model" => ["generate", Path.Combine(dir, "nowhere.yaml"), "--out", outDir],
            "short-out" => ["generate", "-o", outDir, Sample],
            _ => ["generate", Sample, "--out", outDir],
        };
    }
}
