using System.Diagnostics;
using UnitGen.Emitters;
using UnitGen.Model.Loading;
using UnitGen.Tests.Cli;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Output;

/// <summary>A write failing midway (injected): files already done are new, the others old; none is half written.</summary>
[Trait(Category.Name, Category.Unit)]
public class AtomicWriteTests
{
    [Fact]
    public void A_write_failing_midway_leaves_finished_files_new_and_the_rest_old()
    {
        using var dir = new TempFolder();
        var oldModel = dir.Write("old.yaml", TwoVersions.Old);
        var newModel = dir.Write("new.yaml", TwoVersions.New);
        var outDir = dir.File("out");
        Assert.Equal(0, CliRun.Of("generate", oldModel, "--out", outDir).ExitCode);
        var oldFiles = TwoVersions.Emit(oldModel);
        var newFiles = TwoVersions.Emit(newModel);
        // Inject a failure: the folder of the last file becomes a plain file.
        var lastFolder = Path.Combine(outDir, Path.GetDirectoryName(Generator.Emit(ModelLoader.LoadFile(newModel).Model!)[^1].Path)!);
        Directory.Delete(lastFolder, recursive: true);
        File.WriteAllText(lastFolder, "in the way");

        var run = CliRun.Of("generate", newModel, "--out", outDir);

        Assert.Equal(2, run.ExitCode);
        foreach (var (path, content) in oldFiles.Where(f => !Path.Combine(outDir, f.Key).StartsWith(lastFolder + "/", StringComparison.Ordinal)))
        {
            var actual = File.ReadAllText(Path.Combine(outDir, path));
            Assert.True(actual == content || actual == newFiles[path], $"{path} is neither old nor new");
        }
    }
}
