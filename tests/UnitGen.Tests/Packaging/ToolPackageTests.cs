using System.IO.Compression;
using UnitGen.Tests.Cli;
using UnitGen.Tests.Support;
using Xunit.Abstractions;

namespace UnitGen.Tests.Packaging;

/// <summary>
/// `dotnet tool install unitgen` from our feed: on linux-x64 the NativeAOT package, which must answer
/// exactly as the JIT build the other tests run (trimming and AOT can drop what reflection would have
/// found; that shows up here as a different answer); elsewhere the framework-dependent `any` package.
/// </summary>
[Trait(Category.Name, Category.RealTool)]
[Collection(PackedFeed.Collection)]
public sealed class ToolPackageTests(PackedFeed feed, ITestOutputHelper output)
{
    [Fact]
    public void On_linux_x64_the_installed_tool_is_a_native_executable_without_the_runtime()
    {
        var tool = Install();

        var target = new FileInfo(tool).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? tool;
        var magic = new byte[4];
        using (var stream = File.OpenRead(target))
        {
            stream.ReadExactly(magic);
        }

        Assert.Equal("\u007fELF"u8.ToArray(), magic);
        var toolFolder = Path.GetDirectoryName(tool)!;
        Assert.Empty(Directory.EnumerateFiles(toolFolder, "*.dll", SearchOption.AllDirectories));
        // Nor symbols: the native ones (.dbg) are 10 MB, the libraries' (.pdb) describe IL that is gone.
        Assert.Empty(Directory.EnumerateFiles(toolFolder, "*.dbg", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(toolFolder, "*.pdb", SearchOption.AllDirectories));
        output.WriteLine($"{target}: {new FileInfo(target).Length / 1024} KiB");
    }

    [Fact]
    public void The_native_tool_answers_every_sample_and_command_like_the_jit_build()
    {
        var native = Install();
        using var work = new TempFolder();
        List<string[]> runs =
        [
            ["--help"], ["--version"], ["schema"], ["explain", "UG0101"], ["explain", "UG9999"], ["validate"],
            ["no-such-command"], ["generate", "/nonexistent/unitgen.yaml", "--out", work.File("none")],
        ];
        foreach (var sample in RepoPaths.ValidSampleFiles)
        {
            var name = Path.GetFileNameWithoutExtension(sample);
            runs.Add(["validate", sample]);
            runs.Add(["validate", sample, "--format", "json"]);
            runs.Add(["generate", sample, "--out", work.File("{binary}/" + name)]);
            runs.Add(["generate", sample, "--out", work.File("{binary}/" + name), "--check"]);
        }

        foreach (var bad in SampleExpectation.InvalidSamples)
        {
            runs.Add(["validate", Path.Combine(RepoPaths.InvalidSamples, bad)]);
            runs.Add(["validate", Path.Combine(RepoPaths.InvalidSamples, bad), "--format", "json"]);
        }

        runs.Add(["init", "--name", "webapp", "--out", work.File("{binary}/init.yaml")]);
        var handWritten = work.Write("hand/web.service", "[Service]\nExecStart=bundle exec puma -C config/puma.rb # start\nExecRestart=/bin/kill -USR1 $MAINPID\n");
        runs.Add(["lint", handWritten]);
        runs.Add(["lint", handWritten, "--format", "json"]);

        var differences = new List<string>();
        var diagnosed = 0;
        Compare(runs);
        // Then lint and import each file the samples generated, as a user would point them at a deploy folder.
        var generated = Directory.EnumerateFiles(work.File("jit"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(work.File("jit"), f)).Order(StringComparer.Ordinal).ToList();
        Compare(generated.SelectMany(file => new string[][]
        {
            ["lint", work.File("{binary}/" + file)],
            ["import", work.File("{binary}/" + file), "--out", work.File("{binary}/imported/" + file + ".yaml")],
        }));

        void Compare(IEnumerable<string[]> commandLines)
        {
            foreach (var args in commandLines)
            {
                var jit = Run(CliProcess.Binary, args, work, "jit");
                var aot = Run(native, args, work, "aot");
                diagnosed += jit.Contains(": error UG", StringComparison.Ordinal) || jit.Contains("\"code\"", StringComparison.Ordinal) ? 1 : 0;
                if (jit != aot)
                {
                    differences.Add($"unitgen {string.Join(' ', args)}\n  jit: {jit}\n  aot: {aot}");
                }
            }
        }

        var jitFiles = FolderSnapshot.Of(work.File("jit"));
        output.WriteLine($"{runs.Count + (2 * generated.Count)} command lines, {jitFiles.Count} files written by each");
        Assert.True(differences.Count == 0, string.Join('\n', differences));
        // The files both wrote (generate, import, init): the same set, text for text and mode for mode.
        Assert.Equal(jitFiles, FolderSnapshot.Of(work.File("aot")));
        // Not two empty answers compared: every bad sample, in both formats, printed its diagnostic.
        Assert.True(diagnosed >= 2 * SampleExpectation.InvalidSamples.Count(), $"only {diagnosed} runs printed a diagnostic");
    }

    [Fact]
    public void The_any_package_runs_on_the_shared_runtime()
    {
        using var work = new TempFolder();
        ZipFile.ExtractToDirectory(Path.Combine(feed.Feed, "unitgen.any.0.1.0.nupkg"), work.File("any"));
        var dll = work.File("any/tools/net10.0/any/unitgen.dll");
        Assert.True(File.Exists(dll), "the any package has no tools/net10.0/any/unitgen.dll");

        var run = ExternalTool.Run("dotnet", [dll, "generate", Path.Combine(RepoPaths.Samples, "puma-phased.yaml"), "--out", work.File("out")]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(
            File.ReadAllText(Path.Combine(RepoPaths.Snapshots, "puma-phased", "systemd", "pushconfig.service.verified.txt")),
            File.ReadAllText(work.File("out/systemd/pushconfig.service")));
    }

    private string Install()
    {
        var work = feed.NewWorkFolder("tool");
        // The README's one command: the pointer package sends it on to unitgen.linux-x64 (or unitgen.any), which the
        // same plain `dotnet pack` must have written.
        var install = feed.Dotnet(work, "tool", "install", "unitgen", "--add-source", feed.Feed, "--tool-path", Path.Combine(work, "tools"), "--version", "0.1.0");
        Assert.True(install.ExitCode == 0, install.Output);
        return Path.Combine(work, "tools", "unitgen");
    }

    /// <summary>
    /// One run, as text to compare: exit code, stdout, stderr, with the binary's own output folder
    /// (`{binary}` in an argument) and the program path written the same way for both.
    /// </summary>
    private static string Run(string binary, string[] args, TempFolder work, string name)
    {
        var own = args.Select(a => a.Replace("{binary}", name, StringComparison.Ordinal)).ToArray();
        var run = ExternalTool.Run(binary, own, workingDirectory: work.Path);
        string Same(string text) => text.Replace(work.File(name), work.File("{binary}"), StringComparison.Ordinal)
            .Replace(binary, "{unitgen}", StringComparison.Ordinal);
        return $"exit {run.ExitCode}\nstdout:\n{Same(run.Stdout)}\nstderr:\n{Same(run.Stderr)}";
    }
}
