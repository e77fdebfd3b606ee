using UnitGen.Emitters;
using UnitGen.Emitters.Output;
using UnitGen.Model.Diagnostics;
using UnitGen.Lint;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Lint;

/// <summary>
/// `unitgen lint` over what `unitgen generate` wrote for every sample: no error and no warning. The versions the
/// model states reach lint through the "Made for:" header line, so lint does not fall back to assuming the worst.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public class LintOfGeneratedFilesTests
{
    public static TheoryData<string> Samples => SampleNames.All;

    [Theory]
    [MemberData(nameof(Samples))]
    public void Lint_of_the_generated_files_reports_no_error_or_warning(string sample)
    {
        var model = ModelLoader.LoadFile(Path.Combine(RepoPaths.Samples, sample + ".yaml")).Model!;
        using var dir = new TempFolder();
        OutputWriter.Write(dir.Path, Generator.Emit(model), checkOnly: false);

        var inputs = LintInput.Read(Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories)
            .Where(f => LintFile.KindOf(f) is not null), findGemfileLock: false);
        var findings = inputs.Problems.AddRange(Linter.Lint(inputs.Files));

        Assert.True(inputs.Files.Length >= 2, $"{sample}: only {inputs.Files.Length} file(s) linted");
        Assert.Empty(findings.Where(d => d.Severity != Severity.Info).Select(d => d.ToString()));
    }

    [Fact]
    public void Without_the_header_the_same_files_get_the_unknown_version_errors()
    {
        // Negative control: the header is what makes the test above pass for puma-phased (sd_notify gem, puma 5.6.5).
        var model = ModelLoader.LoadFile(Path.Combine(RepoPaths.Samples, "puma-phased.yaml")).Model!;
        var files = Generator.Emit(model)
            .Where(f => LintFile.KindOf(f.Path) is not null)
            .Select(f => LintFile.Of(f.Path, string.Join('\n', f.Content.Split('\n').Where(l => !l.StartsWith("# Made for:", StringComparison.Ordinal))), null))
            .ToList();

        Assert.Contains(Linter.Lint(files), d => d.Code == "UG0302");
    }
}
