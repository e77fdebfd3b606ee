using UnitGen.Tests.Cli;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Output;

/// <summary>Every output kind gets DESIGN.md's mode, also over a file that existed with a looser one.</summary>
[Trait(Category.Name, Category.Unit)]
public class FileModeTests
{
    [Fact]
    public void Every_output_kind_gets_the_mode_of_the_design()
    {
        using var dir = new TempFolder();
        var kinds = new HashSet<string>(StringComparer.Ordinal);

        foreach (var sample in DesignFileModes.Samples)
        {
            var outDir = dir.File(sample);
            Assert.Equal(0, CliRun.Of("generate", Path.Combine(RepoPaths.Samples, sample), "--out", outDir).ExitCode);

            foreach (var file in GeneratedFiles.Under(outDir))
            {
                var relative = Path.GetRelativePath(outDir, file);
                kinds.Add(DesignFileModes.KindOf(relative));
                Assert.True(DesignFileModes.Of(relative) == File.GetUnixFileMode(file), $"{sample}: {relative} is {File.GetUnixFileMode(file)}");
            }
        }

        string[] everyKind = [".service", ".socket", "env file", "puma.rb", "unicorn.rb", "runit run", "runit log/run", "runit env/KEY", "runit control/", "runit unicorn-follow"];
        Assert.Equal(everyKind.Order(StringComparer.Ordinal), kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_file_with_the_right_text_but_a_looser_mode_is_drift_and_gets_its_mode_back()
    {
        using var dir = new TempFolder();
        var model = Path.Combine(RepoPaths.Samples, "unicorn-runit.yaml");
        Assert.Equal(0, CliRun.Of("generate", model, "--out", dir.Path).ExitCode);
        var files = GeneratedFiles.Under(dir.Path).ToList();
        const UnixFileMode everyone = (UnixFileMode)0b111_111_111;
        foreach (var file in files)
        {
            // Same text, open to everyone: an env file that others can read is exactly the leak to undo.
            File.SetUnixFileMode(file, everyone);
        }

        var check = CliRun.Of("generate", model, "--out", dir.Path, "--check");
        Assert.Equal(1, check.ExitCode);
        Assert.All(files, f => Assert.Contains($"differs: {f}\n", check.Stdout, StringComparison.Ordinal));
        Assert.All(files, f => Assert.Equal(everyone, File.GetUnixFileMode(f)));

        var run = CliRun.Of("generate", model, "--out", dir.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{files.Count} written", run.Stdout, StringComparison.Ordinal);
        Assert.All(files, f => Assert.Equal(DesignFileModes.Of(Path.GetRelativePath(dir.Path, f)), File.GetUnixFileMode(f)));
    }

    [Fact]
    public void Env_files_are_never_readable_by_others()
    {
        using var dir = new TempFolder();
        var envFiles = new List<string>();

        foreach (var sample in DesignFileModes.Samples)
        {
            var outDir = dir.File(sample);
            Assert.Equal(0, CliRun.Of("generate", Path.Combine(RepoPaths.Samples, sample), "--out", outDir).ExitCode);
            envFiles.AddRange(GeneratedFiles.Under(outDir)
                .Where(f => DesignFileModes.Of(Path.GetRelativePath(outDir, f)) == DesignFileModes.Env));
        }

        Assert.NotEmpty(envFiles);
        const UnixFileMode others = UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        Assert.All(envFiles, f => Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(f) & others));
    }
}
