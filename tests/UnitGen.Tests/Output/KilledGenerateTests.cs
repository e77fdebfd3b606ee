using System.Diagnostics;
using UnitGen.Emitters;
using UnitGen.Model.Loading;
using UnitGen.Tests.Cli;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Output;

/// <summary>A real `unitgen generate` killed at random moments: every file is the old version or the new one.</summary>
[Trait(Category.Name, Category.RealTool)]
public class KilledGenerateTests
{
    [Fact]
    public void Killing_generate_at_random_moments_leaves_every_file_old_or_new()
    {
        using var dir = new TempFolder();
        var oldModel = dir.Write("old.yaml", TwoVersions.Old);
        var newModel = dir.Write("new.yaml", TwoVersions.New);
        var oldFiles = TwoVersions.Emit(oldModel);
        var newFiles = TwoVersions.Emit(newModel);
        Assert.All(oldFiles.Keys, k => Assert.NotEqual(oldFiles[k], newFiles[k]));
        var outDir = dir.File("out");
        var random = new Random(20261122);
        var killedMidRun = 0;

        for (var round = 0; round < 25; round++)
        {
            Assert.Equal(0, CliRun.Of("generate", oldModel, "--out", outDir).ExitCode);
            using var process = Process.Start(new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "unitgen"), ["generate", newModel, "--out", outDir])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            Thread.Sleep(random.Next(0, 250));
            if (!process.HasExited)
            {
                process.Kill();
                killedMidRun++;
            }

            process.WaitForExit();
            foreach (var (path, content) in oldFiles)
            {
                var actual = File.ReadAllText(Path.Combine(outDir, path));
                Assert.True(actual == content || actual == newFiles[path], $"round {round}: {path} is neither old nor new");
            }
        }

        // Each run removes temps a killed run left behind; a clean run leaves none.
        Assert.Equal(0, CliRun.Of("generate", newModel, "--out", outDir).ExitCode);
        Assert.Empty(Directory.EnumerateFiles(outDir, "*.tmp", SearchOption.AllDirectories));
        Assert.True(killedMidRun > 0, "no round killed the process before it finished; the test proved nothing");
    }
}
