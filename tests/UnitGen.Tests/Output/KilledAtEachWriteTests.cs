using UnitGen.Emitters;
using UnitGen.Tests.Cli;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Output;

/// <summary>
/// The real <c>unitgen generate</c> killed, or failed, at EVERY write step, deterministically: strace
/// counts the rename(2) (or fsync(2)) calls of the process and at the k-th one delivers SIGKILL before
/// the call runs, or makes it fail with EIO. A random-time kill may never land between two renames;
/// this lands on each. With the files in write order, the first k-1 must be new and the rest old.
/// </summary>
[Trait(Category.Name, Category.RealTool)]
public class KilledAtEachWriteTests
{
    [Fact]
    public void Generate_renames_each_changed_file_exactly_once()
    {
        using var dir = new TempFolder();
        var (_, newModel, outDir) = Prepare(dir);
        var trace = dir.File("trace.txt");

        var run = Strace(["-o", trace, "-e", "trace=rename,renameat,renameat2"], newModel, outDir);

        Assert.Equal(0, run.ExitCode);
        var renamed = File.ReadAllLines(trace).Where(l => l.Contains("rename", StringComparison.Ordinal)).ToList();
        Assert.Equal(TwoVersions.InWriteOrder(newModel).Select(f => Path.Combine(outDir, f.Path)),
            renamed.Select(l => l.Split('"')[3]));
    }

    [Fact]
    public void Killed_before_each_rename_every_file_is_old_or_new_and_only_that_file_has_a_temp()
    {
        using var dir = new TempFolder();
        var (oldModel, newModel, outDir) = Prepare(dir);
        var files = TwoVersions.InWriteOrder(newModel);

        for (var k = 1; k <= files.Count; k++)
        {
            Reset(oldModel, outDir);

            var run = Strace(["-o", "/dev/null", "-e", "trace=rename", "-e", $"inject=rename:error=EIO:signal=KILL:when={k}"], newModel, outDir);

            Assert.Equal(128 + 9, run.ExitCode);
            AssertNewUpTo(k - 1, files, oldModel, outDir);
            // The killed run left the temp of file k, complete and with its final mode; nothing else.
            var temp = Assert.Single(Temps(outDir));
            var target = files[k - 1];
            Assert.Equal(Path.Combine(outDir, Path.GetDirectoryName(target.Path)!), Path.GetDirectoryName(temp));
            Assert.StartsWith($".{Path.GetFileName(target.Path)}.", Path.GetFileName(temp), StringComparison.Ordinal);
            Assert.Equal(target.Content, File.ReadAllText(temp));
            Assert.Equal(target.Mode, File.GetUnixFileMode(temp));
        }

        // The next run finishes the job and removes the dead run's temp.
        Assert.Equal(0, CliRun.Of("generate", newModel, "--out", outDir).ExitCode);
        AssertNewUpTo(files.Count, files, oldModel, outDir);
        Assert.Empty(Temps(outDir));
    }

    [Fact]
    public void Killed_right_after_each_temp_is_flushed_every_file_is_old_or_new()
    {
        using var dir = new TempFolder();
        var (oldModel, newModel, outDir) = Prepare(dir);
        var files = TwoVersions.InWriteOrder(newModel);

        for (var k = 1; k <= files.Count; k++)
        {
            Reset(oldModel, outDir);

            var run = Strace(["-o", "/dev/null", "-e", "trace=fsync", "-e", $"inject=fsync:signal=KILL:when={k}"], newModel, outDir);

            Assert.Equal(128 + 9, run.ExitCode);
            AssertNewUpTo(k - 1, files, oldModel, outDir);
        }
    }

    [Fact]
    public void A_rename_failing_at_each_step_is_an_io_error_that_leaves_old_or_new_files_and_no_temp()
    {
        using var dir = new TempFolder();
        var (oldModel, newModel, outDir) = Prepare(dir);
        var files = TwoVersions.InWriteOrder(newModel);

        for (var k = 1; k <= files.Count; k++)
        {
            Reset(oldModel, outDir);

            var run = Strace(["-o", "/dev/null", "-e", "trace=rename", "-e", $"inject=rename:error=EIO:when={k}"], newModel, outDir);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("error UG0009: cannot write", run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
            AssertNewUpTo(k - 1, files, oldModel, outDir);
            Assert.Empty(Temps(outDir));
        }
    }

    private static (string OldModel, string NewModel, string OutDir) Prepare(TempFolder dir)
    {
        var oldModel = dir.Write("old.yaml", TwoVersions.Old);
        var newModel = dir.Write("new.yaml", TwoVersions.New);
        var oldFiles = TwoVersions.Emit(oldModel);
        var newFiles = TwoVersions.Emit(newModel);
        // Each step must be visible: every file differs between the versions.
        Assert.Equal(oldFiles.Keys.Order(), newFiles.Keys.Order());
        Assert.All(oldFiles.Keys, k => Assert.NotEqual(oldFiles[k], newFiles[k]));
        var outDir = dir.File("out");
        Reset(oldModel, outDir);
        return (oldModel, newModel, outDir);
    }

    private static void Reset(string oldModel, string outDir)
    {
        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, recursive: true);
        }

        Assert.Equal(0, CliRun.Of("generate", oldModel, "--out", outDir).ExitCode);
    }

    private static ExternalTool.Result Strace(string[] options, string model, string outDir) =>
        ExternalTool.Run("strace", ["-f", "-qq", .. options, CliProcess.Binary, "generate", model, "--out", outDir]);

    private static IEnumerable<string> Temps(string outDir) =>
        Directory.EnumerateFiles(outDir, "*.tmp", SearchOption.AllDirectories);

    /// <summary>Files [0, done) hold the new text, the others still the old; every mode is the design's.</summary>
    private static void AssertNewUpTo(int done, IReadOnlyList<EmittedFile> files, string oldModel, string outDir)
    {
        var oldFiles = TwoVersions.Emit(oldModel);
        for (var i = 0; i < files.Count; i++)
        {
            var path = Path.Combine(outDir, files[i].Path);
            var expected = i < done ? files[i].Content : oldFiles[files[i].Path];
            Assert.True(File.ReadAllText(path) == expected, $"after {done} renames, {files[i].Path} is not the {(i < done ? "new" : "old")} version");
            Assert.Equal(files[i].Mode, File.GetUnixFileMode(path));
        }
    }
}
