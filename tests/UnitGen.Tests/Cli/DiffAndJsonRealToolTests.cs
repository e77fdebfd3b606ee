using UnitGen.Tests.Support;

namespace UnitGen.Tests.Cli;

/// <summary>
/// What real tools make of <c>generate</c>'s output: <c>git apply</c> of <c>--diff</c> turns the old folder into the
/// new one, and <c>jq</c> reads <c>--format json</c> (one document, nothing after it).
/// </summary>
[Trait(Category.Name, Category.RealTool)]
public sealed class DiffAndJsonRealToolTests
{
    private static string Unicorn => File.ReadAllText(Path.Combine(RepoPaths.Samples, "unicorn-runit.yaml"));

    [Fact]
    public void Git_apply_of_the_diff_makes_the_folder_generate_would_write()
    {
        using var dir = new TempFolder();
        var model = dir.Write("unitgen.yaml", Unicorn);
        Assert.Equal(0, CliRun.Of("generate", model, "--out", dir.File("old")).ExitCode);
        Assert.Equal(0, CliRun.Of("generate", model, "--out", dir.File("patched")).ExitCode);
        // The next version: runit given up (files deleted), a variable changed (a hunk), a socket added (a new file's lines).
        File.WriteAllText(model, Unicorn
            .Replace("supervisor: [ systemd, runit ]", "supervisor: systemd", StringComparison.Ordinal)
            .Replace("RAILS_LOG_TO_STDOUT: \"1\"", "RAILS_LOG_TO_STDOUT: \"0\"", StringComparison.Ordinal));
        var before = FolderSnapshot.Of(dir.File("old"));

        var diff = CliRun.Of("generate", model, "--out", dir.File("old"), "--diff");

        Assert.Equal(1, diff.ExitCode);
        Assert.Equal(before, FolderSnapshot.Of(dir.File("old")));
        Assert.Contains("deleted file mode 100755\n", diff.Stdout, StringComparison.Ordinal);
        Assert.Contains("-RAILS_LOG_TO_STDOUT=\"1\"\n+RAILS_LOG_TO_STDOUT=\"0\"\n", diff.Stdout, StringComparison.Ordinal);
        var patch = dir.Write("change.patch", diff.Stdout);
        var applied = ExternalTool.Run("git", ["apply", "--whitespace=nowarn", patch], workingDirectory: dir.File("patched"));
        Assert.True(applied.ExitCode == 0, applied.Output + "\n" + diff.Stdout);
        Assert.Equal(0, CliRun.Of("generate", model, "--out", dir.File("new")).ExitCode);
        Assert.Equal(Texts(dir.File("new")), Texts(dir.File("patched")));

        // Modes too; and an up-to-date folder has no diff (the control: the diff above is not printed regardless).
        Assert.Equal(0, CliRun.Of("generate", model, "--out", dir.File("old")).ExitCode);
        Assert.Equal(new CliRun(0, string.Empty, string.Empty), CliRun.Of("generate", model, "--out", dir.File("old"), "--diff"));
        File.SetUnixFileMode(dir.File("old/systemd/storefront.service"), (UnixFileMode)0b110_110_110);
        var mode = CliRun.Of("generate", model, "--out", dir.File("old"), "--diff");
        Assert.Equal(1, mode.ExitCode);
        Assert.Equal("diff --git a/systemd/storefront.service b/systemd/storefront.service\nold mode 100666\nnew mode 100644\n", mode.Stdout);
    }

    [Fact]
    public void Json_output_is_one_document_jq_reads()
    {
        using var dir = new TempFolder();
        var model = Path.Combine(RepoPaths.Samples, "puma-runit.yaml");

        var generate = Pipe($"'{CliProcess.Binary}' generate '{model}' --out '{dir.File("out")}' --format json | jq -e -r '.files[0].change, .restart[0], .diagnostics[0].severity'");
        var check = Pipe($"'{CliProcess.Binary}' generate '{model}' --out '{dir.File("out")}' --check --format json | jq -e -r '[.files[].change] | unique | .[]'");
        var broken = Pipe($"'{CliProcess.Binary}' generate '{Path.Combine(RepoPaths.InvalidSamples, "misspelled-key.yaml")}' --out '{dir.File("none")}' --format json | jq -e -r '.diagnostics[0].code'");

        Assert.True(generate.ExitCode == 0, generate.Output);
        Assert.Equal("created\nsv 1 /etc/sv/ledger\ninfo\n", generate.Stdout);
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Equal("unchanged\n", check.Stdout);
        Assert.Equal("UG0002\n", broken.Stdout);
    }

    private static ExternalTool.Result Pipe(string script) => ExternalTool.Run("bash", ["-c", "set -o pipefail; " + script]);

    private static List<string> Texts(string dir) =>
        [.. GeneratedFiles.Under(dir).Select(f => $"{Path.GetRelativePath(dir, f)}\n{File.ReadAllText(f)}").Order(StringComparer.Ordinal)];
}
