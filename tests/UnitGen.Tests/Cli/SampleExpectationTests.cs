using UnitGen.Tests.Support;

namespace UnitGen.Tests.Cli;

/// <summary>
/// Every bad model under samples/invalid names the diagnostic it must produce in its first line,
/// <c># expect: UG0101 at 12:7</c>; <c>unitgen validate</c> must print exactly that, exit 1, and no stack trace.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public class SampleExpectationTests
{
    public static TheoryData<string> InvalidSamples => [.. SampleExpectation.InvalidSamples];

    public static TheoryData<string> ValidSamples => [.. RepoPaths.ValidSampleFiles.Select(f => Path.GetFileName(f)!)];

    [Theory]
    [MemberData(nameof(InvalidSamples))]
    public void Validate_reports_the_expected_code_at_the_expected_position(string sample)
    {
        var path = Path.Combine(RepoPaths.InvalidSamples, sample);
        var expect = SampleExpectation.Of(path);

        var run = CliRun.Of("validate", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}({expect.Line},{expect.Column}): error {expect.Code}: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidSamples))]
    public void Every_bad_model_is_judged_in_under_a_second_with_bounded_memory(string sample)
    {
        var path = Path.Combine(RepoPaths.InvalidSamples, sample);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        CliRun.Of("validate", path);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{sample} took {clock.ElapsedMilliseconds} ms");
        var megabytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (1024 * 1024);
        Assert.True(megabytes < 64, $"{sample} allocated {megabytes} MiB");
    }

    [Fact]
    public void A_ten_megabyte_file_is_refused_at_once()
    {
        using var dir = new TempFolder();
        var path = dir.Write("huge.yaml", "name: huge\nuser: deploy\nserver: { type: puma }\ndescription: " + new string('x', 10 * 1024 * 1024) + "\n");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var run = CliRun.Of("validate", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}(1,1): error UG0007: ", run.Stderr, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.ElapsedMilliseconds} ms");
    }

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void Validate_accepts_every_valid_sample(string sample)
    {
        var run = CliRun.Of("validate", Path.Combine(RepoPaths.Samples, sample));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(": error ", run.Stderr, StringComparison.Ordinal);
    }

}
