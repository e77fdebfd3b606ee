using System.Text.RegularExpressions;
using UnitGen.Tests.Cli;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Output;

/// <summary>
/// What the real <c>unitgen generate</c> asks the kernel, read back with strace: a temp file is born
/// with its final mode (an env file is never readable by others, not for an instant), and
/// <c>--check</c> makes no call that could change anything under the output folder.
/// </summary>
[Trait(Category.Name, Category.RealTool)]
public partial class TracedWriteTests
{
    [Theory]
    [InlineData("000")]
    [InlineData("022")]
    [InlineData("077")]
    public void Each_temp_file_is_created_with_its_final_mode_under_any_umask(string umask)
    {
        using var dir = new TempFolder();
        var outDir = dir.File("out");
        var model = Path.Combine(RepoPaths.Samples, "unicorn-runit.yaml");
        var expected = TwoVersions.InWriteOrder(model).ToDictionary(f => Path.Combine(outDir, f.Path), f => f.Mode);
        var trace = dir.File("trace.txt");

        var run = ExternalTool.Run("strace", ["-f", "-qq", "-o", trace, "-e", "trace=openat,chmod,fchmod,fchmodat",
            "/bin/sh", "-c", $"umask {umask} && exec \"$0\" \"$@\"", CliProcess.Binary, "generate", model, "--out", outDir]);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(trace);
        var created = lines.Select(l => TempCreate().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(expected.Count, created.Count);
        foreach (var create in created)
        {
            var target = TargetOf(create.Groups["path"].Value);
            Assert.True(expected[target] == Mode(create.Groups["mode"].Value), $"{target}: temp created with {create.Groups["mode"].Value}");
        }

        // A chmod of a temp (to undo the umask) sets the final mode too, never a wider one.
        foreach (var chmod in lines.Select(l => TempChmod().Match(l)).Where(m => m.Success))
        {
            var target = TargetOf(chmod.Groups["path"].Value);
            Assert.True(expected[target] == Mode(chmod.Groups["mode"].Value), $"{target}: temp chmod to {chmod.Groups["mode"].Value}");
        }

        Assert.All(expected, e => Assert.Equal(e.Value, File.GetUnixFileMode(e.Key)));
    }

    [Fact]
    public void Check_makes_no_call_that_writes_under_the_output_folder()
    {
        using var dir = new TempFolder();
        var outDir = dir.File("out");
        var model = Path.Combine(RepoPaths.Samples, "unicorn-runit.yaml");
        Assert.Equal(0, CliRun.Of("generate", model, "--out", outDir).ExitCode);
        // The generated files, not generate's own manifest of them (out/.unitgen/).
        var files = Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Path.Combine(outDir, ".unitgen") + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        // Drift of every kind: text, mode, a missing file.
        File.AppendAllText(files[0], "# edited\n");
        File.SetUnixFileMode(files[1], (UnixFileMode)0b111_111_111);
        File.Delete(files[2]);
        var trace = dir.File("trace.txt");

        var run = ExternalTool.Run("strace", ["-f", "-qq", "-o", trace, "-e", "trace=%file,%desc",
            CliProcess.Binary, "generate", model, "--out", outDir, "--check"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"differs: {files[0]}", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"differs: {files[1]}", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"missing: {files[2]}", run.Stdout, StringComparison.Ordinal);
        var touching = File.ReadAllLines(trace).Where(l => l.Contains($"\"{outDir}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(touching); // it did read the folder
        Assert.All(touching, l => Assert.True(ReadOnlyCall().IsMatch(l), $"--check made a call that may write: {l}"));
    }

    /// <summary><c>/out/env/.storefront.env.123.abc.tmp</c> → <c>/out/env/storefront.env</c>.</summary>
    private static string TargetOf(string temp)
    {
        var name = Path.GetFileName(temp)[1..];
        var cut = name.LastIndexOf('.', name.LastIndexOf('.', name.LastIndexOf('.') - 1) - 1);
        return Path.Combine(Path.GetDirectoryName(temp)!, name[..cut]);
    }

    private static UnixFileMode Mode(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);

    [GeneratedRegex(@"openat\(AT_FDCWD, ""(?<path>[^""]+\.tmp)"", [^,]*O_CREAT[^,]*, (?<mode>0[0-7]+)\)")]
    private static partial Regex TempCreate();

    [GeneratedRegex(@"chmod(?:at)?\((?:AT_FDCWD, )?""(?<path>[^""]+\.tmp)"", (?<mode>0[0-7]+)")]
    private static partial Regex TempChmod();

    /// <summary>stat-like calls, and opens for reading only (O_RDONLY without O_CREAT/O_TRUNC).</summary>
    [GeneratedRegex(@"^\d+\s+(?:(?:newfstatat|statx|stat|lstat|access|faccessat2?|readlink(?:at)?|getdents64|statfs)\(|openat\(AT_FDCWD, ""[^""]+"", O_RDONLY(?:\|O_(?:CLOEXEC|NONBLOCK|DIRECTORY|LARGEFILE|NOFOLLOW|NOCTTY))*[,)])")]
    private static partial Regex ReadOnlyCall();
}
