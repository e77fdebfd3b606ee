using UnitGen.Model.Diagnostics;
using UnitGen.Model.Loading;
using UnitGen.Model.Rules;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Rules;

/// <summary>
/// The samples through the library (loader + validator), without the CLI: valid samples have no error,
/// each invalid sample yields the code at the position of its <c># expect: CODE at LINE:COL</c> header.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public class SampleRuleTests
{
    public static TheoryData<string> InvalidSamples => [.. SampleExpectation.InvalidSamples];

    public static TheoryData<string> ValidSamples => [.. RepoPaths.ValidSampleFiles.Select(f => Path.GetFileName(f)!)];

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void A_valid_sample_has_no_error(string sample)
    {
        var path = Path.Combine(RepoPaths.Samples, sample);

        var diagnostics = Judge(path);

        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
    }

    [Theory]
    [MemberData(nameof(InvalidSamples))]
    public void An_invalid_sample_yields_its_expected_code_at_its_position(string sample)
    {
        var path = Path.Combine(RepoPaths.InvalidSamples, sample);
        var expect = SampleExpectation.Of(path);

        var diagnostics = Judge(path);

        Assert.Contains(diagnostics, d => d.Code == expect.Code && d.Location.Line == expect.Line && d.Location.Column == expect.Column);
    }

    [Fact]
    public void Every_error_rule_has_an_invalid_sample()
    {
        var expected = SampleExpectation.InvalidSamples
            .Select(f => SampleExpectation.Of(Path.Combine(RepoPaths.InvalidSamples, f)).Code)
            .ToHashSet(StringComparer.Ordinal);

        var missing = RuleCatalog.All.Where(r => !r.LintOnly && r.Severity == Severity.Error && !expected.Contains(r.Code)).Select(r => r.Code);

        Assert.Empty(missing);
    }

    private static System.Collections.Immutable.ImmutableArray<Diagnostic> Judge(string path)
    {
        var loaded = ModelLoader.LoadFile(path);
        return loaded.Model is null
            ? loaded.Diagnostics
            : [.. loaded.Diagnostics, .. Validator.Validate(loaded.Model, loaded.Map)];
    }

}
