using UnitGen.Tests.Cli;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Output;

/// <summary><c>generate --check</c>: exit 1 on any drift (text, mode, missing file) and nothing on disk changes.</summary>
[Trait(Category.Name, Category.Unit)]
public class CheckWritesNothingTests
{
    private static string Model => Path.Combine(RepoPaths.Samples, "unicorn-runit.yaml");

    [Fact]
    public void Check_against_a_missing_folder_reports_drift_and_creates_nothing()
    {
        using var dir = new TempFolder();
        var outDir = dir.File("not-there");

        var check = CliRun.Of("generate", Model, "--out", outDir, "--check");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("missing: ", check.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Check_with_every_kind_of_drift_leaves_every_entry_as_it_was()
    {
        using var dir = new TempFolder();
        Assert.Equal(0, CliRun.Of("generate", Model, "--out", dir.Path).ExitCode);
        var files = GeneratedFiles.Under(dir.Path).Order(StringComparer.Ordinal).ToList();
        File.AppendAllText(files[0], "# edited\n");
        File.SetUnixFileMode(files[1], (UnixFileMode)0b110_110_110);
        File.Delete(files[2]);
        var before = Snapshot(dir.Path);
        Thread.Sleep(20);

        var check = CliRun.Of("generate", Model, "--out", dir.Path, "--check");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains($"{files.Count} files checked, 3 out of date.", check.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(dir.Path));
    }

    [Fact]
    public void Check_without_drift_exits_0()
    {
        using var dir = new TempFolder();
        Assert.Equal(0, CliRun.Of("generate", Model, "--out", dir.Path).ExitCode);

        var check = CliRun.Of("generate", Model, "--out", dir.Path, "--check");

        Assert.Equal(0, check.ExitCode);
        Assert.Contains(" 0 out of date.", check.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Every entry (hidden temps too) with its text, mode and write time.</summary>
    private static List<string> Snapshot(string root) =>
    [
        .. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(e => File.Exists(e)
                ? $"{e} {File.GetUnixFileMode(e)} {File.GetLastWriteTimeUtc(e):O} {File.ReadAllText(e).GetHashCode(StringComparison.Ordinal)}"
                : $"{e}/ {File.GetUnixFileMode(e)} {Directory.GetLastWriteTimeUtc(e):O}"),
    ];
}
