using UnitGen.Model.Loading;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Cli;

/// <summary>
/// Every bad model under samples/invalid names the diagnostic it must produce in its first line,
/// <c># expect: UG0101 at 12:7</c>; <c>unitgen validate</c> must print exactly that, exit 1, and no stack trace.
/// In process here (fast); <see cref="InvalidSampleProcessTests"/> runs the real binary with wall time and peak RSS.
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
    public void Every_bad_model_is_judged_in_process_in_under_a_second_with_bounded_allocations(string sample)
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
    public void The_ten_megabyte_sample_is_ten_megabytes_and_refused_for_its_size_alone()
    {
        var path = Path.Combine(RepoPaths.InvalidSamples, "beyond-schema", "ten-megabytes.yaml");
        var model = string.Concat(File.ReadLines(path).TakeWhile(l => !l.StartsWith("# padding", StringComparison.Ordinal)).Select(l => l + "\n"));

        var whole = CliRun.Of("validate", path);
        var withoutPadding = ModelLoader.Load(model, path);

        Assert.True(new FileInfo(path).Length >= 10 * 1024 * 1024, "the sample must stay 10 MiB");
        Assert.Equal(1, whole.ExitCode);
        Assert.Contains($"{path}(1,1): error UG0007: ", whole.Stderr, StringComparison.Ordinal);
        Assert.Empty(withoutPadding.Diagnostics);
    }

    [Fact]
    public void An_endless_stream_is_read_only_up_to_the_limit()
    {
        // /dev/zero reports length 0: the size check alone would read it until memory runs out.
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var run = CliRun.Of("validate", "/dev/zero");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/dev/zero(1,1): error UG0007: ", run.Stderr, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void The_corpus_has_at_least_40_bad_models_covering_every_kind_of_hostile_input()
    {
        var samples = SampleExpectation.InvalidSamples.ToList();
        var codes = samples.Select(s => SampleExpectation.Of(Path.Combine(RepoPaths.InvalidSamples, s)).Code).ToHashSet(StringComparer.Ordinal);
        string[] kinds =
        [
            "malformed-", "wrong-type-", "unknown-", "duplicate-key", "port-out-of-range", "relative", "bad-name",
            "beyond-schema/ten-megabytes.yaml", "beyond-schema/deep-nesting-10000.yaml", "beyond-schema/alias-bomb.yaml",
        ];

        Assert.True(samples.Count >= 40, $"{samples.Count} samples");
        Assert.All(LoaderCodes.Descriptors, d => Assert.Contains(d.Code, codes));
        Assert.All(kinds, k => Assert.Contains(samples, s => s.Contains(k, StringComparison.Ordinal)));
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
