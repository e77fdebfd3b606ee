using Xunit.Abstractions;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Cli;

/// <summary>
/// Every bad model under samples/invalid through the real <c>unitgen validate</c> process: exit 1, its
/// code at its line and column in MSBuild's form, no stack trace, under one second of wall time and a
/// bounded peak RSS. A cold .NET start costs about 0.3 s and 38 MiB here, so the bounds leave room for a
/// loaded machine but not for reading a 10 MiB file or expanding an alias bomb. Runs alone
/// (<see cref="RunsAlone"/>) so that the test run's own parallel processes do not eat the second.
/// </summary>
[Trait(Category.Name, Category.RealTool)]
[Collection(RunsAlone.Name)]
public class InvalidSampleProcessTests(ITestOutputHelper output)
{
    /// <summary>About 3× a cold start; a 10 MiB file read as text and parsed alone costs more.</summary>
    public const long MaxPeakRssKiB = 128 * 1024;

    public static readonly TimeSpan MaxWall = TimeSpan.FromSeconds(1);

    public static TheoryData<string> InvalidSamples => [.. SampleExpectation.InvalidSamples];

    [Theory]
    [MemberData(nameof(InvalidSamples))]
    public void The_real_cli_reports_the_expected_code_at_its_position_fast_and_small(string sample)
    {
        var path = Path.Combine(RepoPaths.InvalidSamples, sample);
        var expect = SampleExpectation.Of(path);

        var run = CliProcess.Of("validate", path);
        for (var retry = 0; retry < 2 && run.Wall >= MaxWall; retry++)
        {
            // Retries for the wall clock only: the 2-core machine may be busy with another build. A slow
            // loader is slow every time, and its CPU time (asserted below, hardly touched by load) shows it.
            output.WriteLine($"run took {run.Wall.TotalMilliseconds:F0} ms (CPU {run.Cpu.TotalMilliseconds:F0} ms); retrying");
            run = CliProcess.Of("validate", path);
        }

        output.WriteLine($"{sample}: wall {run.Wall.TotalMilliseconds:F0} ms, CPU {run.Cpu.TotalMilliseconds:F0} ms, peak RSS {run.PeakRssKiB / 1024.0:F1} MiB");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}({expect.Line},{expect.Column}): error {expect.Code}: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.True(run.Cpu < MaxWall, $"{sample} used {run.Cpu.TotalMilliseconds:F0} ms of CPU");
        Assert.True(run.Wall < MaxWall, $"{sample} took {run.Wall.TotalMilliseconds:F0} ms, three times");
        Assert.True(run.PeakRssKiB < MaxPeakRssKiB, $"{sample} peaked at {run.PeakRssKiB} KiB");
    }

    [Fact]
    public void The_peak_rss_measure_sees_memory_the_child_really_uses()
    {
        // Negative control for the bound: a file of one 900 KiB scalar is under the size limit, so
        // unitgen reads and parses it; its peak must show above a tiny model's.
        using var dir = new TempFolder();
        var small = dir.Write("small.yaml", "name: small\nuser: deploy\nserver: { type: puma }\n");
        var big = dir.Write("big.yaml", "name: big\nuser: deploy\nserver: { type: puma }\ndescription: " + new string('x', 900 * 1024) + "\n");

        var smallRun = CliProcess.Of("validate", small);
        var bigRun = CliProcess.Of("validate", big);

        output.WriteLine($"small {smallRun.PeakRssKiB} KiB, 900 KiB scalar {bigRun.PeakRssKiB} KiB");
        Assert.Equal(0, smallRun.ExitCode);
        Assert.True(bigRun.PeakRssKiB > smallRun.PeakRssKiB + 2 * 1024, "a 900 KiB model must cost measurable memory");
    }
}
