using System.Text.Json;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Cli;

[Trait(Category.Name, Category.Unit)]
public class CliTests
{
    private static string Sample => Path.Combine(RepoPaths.Samples, "puma-phased.yaml");

    [Fact]
    public void Unknown_command_is_a_usage_error()
    {
        var run = CliRun.Of("bogus");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unitgen: error:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_model_file_is_an_io_error_without_stack_trace()
    {
        var run = CliRun.Of("validate", "/nonexistent/unitgen.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("/nonexistent/unitgen.yaml: error: cannot read the model:", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_format_prints_diagnostics_as_one_document_on_stdout()
    {
        var run = CliRun.Of("validate", Path.Combine(RepoPaths.InvalidSamples, "misspelled-key.yaml"), "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var d = doc.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("UG0002", d.GetProperty("code").GetString());
        Assert.Equal(9, d.GetProperty("line").GetInt32());
        Assert.Equal(3, d.GetProperty("column").GetInt32());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal("Did you mean `preload`?", d.GetProperty("fix").GetString());
    }

    [Fact]
    public void Generate_refuses_an_invalid_model_and_writes_nothing()
    {
        using var dir = new TempFolder();

        var run = CliRun.Of("generate", Path.Combine(RepoPaths.InvalidSamples, "misspelled-key.yaml"), "--out", dir.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Generate_writes_files_then_check_finds_no_drift_and_nothing_is_rewritten()
    {
        using var dir = new TempFolder();
        var first = CliRun.Of("generate", Sample, "--out", dir.Path);
        Assert.Equal(0, first.ExitCode);
        var files = GeneratedFiles.Under(dir.Path).Order().ToList();
        Assert.NotEmpty(files);
        var stamps = files.ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Thread.Sleep(20);

        var check = CliRun.Of("generate", Sample, "--out", dir.Path, "--check");
        var again = CliRun.Of("generate", Sample, "--out", dir.Path);

        Assert.Equal(0, check.ExitCode);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains($"0 written, {files.Count} unchanged", again.Stdout, StringComparison.Ordinal);
        Assert.All(files, f => Assert.Equal(stamps[f], File.GetLastWriteTimeUtc(f)));
        Assert.Empty(Directory.EnumerateFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Check_reports_drift_with_exit_1_and_writes_nothing()
    {
        using var dir = new TempFolder();
        Assert.Equal(0, CliRun.Of("generate", Sample, "--out", dir.Path).ExitCode);
        var victim = GeneratedFiles.Under(dir.Path).First();
        File.WriteAllText(victim, "edited by hand\n");

        var check = CliRun.Of("generate", Sample, "--out", dir.Path, "--check");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("differs: ", check.Stdout, StringComparison.Ordinal);
        Assert.Equal("edited by hand\n", File.ReadAllText(victim));
    }

    [Fact]
    public void Check_on_an_empty_folder_reports_every_file_missing()
    {
        using var dir = new TempFolder();

        var check = CliRun.Of("generate", Sample, "--out", dir.Path, "--check");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("missing: ", check.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Generated_files_have_the_modes_of_the_design()
    {
        using var dir = new TempFolder();

        Assert.Equal(0, CliRun.Of("generate", Sample, "--out", dir.Path).ExitCode);

        foreach (var file in GeneratedFiles.Under(dir.Path))
        {
            var relative = Path.GetRelativePath(dir.Path, file);
            var expected = relative.StartsWith("env/", StringComparison.Ordinal) ? "640"
                : relative.StartsWith("runit/", StringComparison.Ordinal) && !relative.Contains("/env/", StringComparison.Ordinal) ? "755"
                : "644";
            Assert.Equal(expected, Convert.ToString((int)File.GetUnixFileMode(file), 8));
        }
    }

    [Fact]
    public void Explain_prints_the_entry_and_refuses_unknown_codes()
    {
        var known = CliRun.Of("explain", "ug0002");
        var unknown = CliRun.Of("explain", "UG9999");
        var all = CliRun.Of("explain", "all");

        Assert.Equal(0, known.ExitCode);
        Assert.StartsWith("UG0002 (error): ", known.Stdout, StringComparison.Ordinal);
        Assert.Contains("Fix: ", known.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("UG0007", all.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_writes_a_model_that_validates_and_never_overwrites_without_force()
    {
        using var dir = new TempFolder();
        var model = dir.File("unitgen.yaml");

        var first = CliRun.Of("init", "--name", "myapp", "--out", model);
        var second = CliRun.Of("init", "--name", "myapp", "--out", model);
        var forced = CliRun.Of("init", "--name", "myapp", "--out", model, "--force");
        var bad = CliRun.Of("init", "--name", "My App", "--out", dir.File("other.yaml"));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(2, second.ExitCode);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal(0, CliRun.Of("validate", model).ExitCode);
    }

    [Fact]
    public void Unwritable_output_is_an_io_error()
    {
        using var dir = new TempFolder();
        var blocker = dir.Write("blocker", "a file where a folder should be");

        var run = CliRun.Of("generate", Sample, "--out", blocker);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error UG0009: cannot write", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_checks_several_models_together_for_clashing_sockets()
    {
        var run = CliRun.Of("validate", Sample, Path.Combine(RepoPaths.Samples, "puma-bundler.yaml"), Sample);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error UG0106: `127.0.0.1:9292` collides with `127.0.0.1:9292` of service `pushconfig`", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_exits_1_on_a_broken_unit_0_on_a_clean_one_and_an_unknown_file_is_an_error_for_that_file_only()
    {
        var corpus = Path.Combine(RepoPaths.Root, "tests", "lint-corpus");

        var broken = CliRun.Of("lint", Path.Combine(corpus, "03-exec-restart", "app.service"));
        var clean = CliRun.Of("lint", Path.Combine(corpus, "17-runit-run-clean", "run"));
        var unknown = CliRun.Of("lint", Path.Combine(corpus, "03-exec-restart", "expected.txt"), Path.Combine(corpus, "03-exec-restart", "app.service"));
        var missing = CliRun.Of("lint", "/nonexistent/puma.rb", Path.Combine(corpus, "17-runit-run-clean", "run"));

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("app.service(10,1): error UG0703: Unknown key `ExecRestart=`", broken.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, clean.ExitCode);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("expected.txt: error UG0711:", unknown.Stderr, StringComparison.Ordinal);
        Assert.Contains("app.service(10,1): error UG0703:", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("/nonexistent/puma.rb: error UG0711: Cannot read", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_writes_a_model_that_validates_and_lists_what_it_did_not_carry_over()
    {
        using var dir = new TempFolder();
        var entry = Path.Combine(RepoPaths.Root, "tests", "lint-corpus", "20-misspelled-key");
        var model = dir.File("unitgen.yaml");

        var run = CliRun.Of("import", Path.Combine(entry, "app.service"), "--out", model);
        var again = CliRun.Of("import", Path.Combine(entry, "app.service"), "--out", model);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, again.ExitCode);
        var text = File.ReadAllText(model);
        Assert.Contains("# version: \"x.y.z\"", text, StringComparison.Ordinal);
        Assert.Contains("# not imported: app.service(10): Usr=deploy — systemd 252 does not know Usr= in [Service]", text, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Of("validate", model).ExitCode);
    }
}
