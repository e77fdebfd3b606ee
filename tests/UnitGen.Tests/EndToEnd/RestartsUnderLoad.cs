using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// One zero-downtime experiment: steady load on a loopback port, N restarts through a command, a
/// row of numbers (requests, failures, latency, command time) to the test output and to
/// TestResults/e2e-results.md, and each failure placed in time relative to the restarts.
/// </summary>
public static class RestartsUnderLoad
{
    private static readonly TimeSpan Steady = TimeSpan.FromSeconds(2);

    public sealed record Result(int Fresh, int FreshFailed, int KeepAlive, int KeepAliveFailed, string Failures, IReadOnlyList<double> CommandSeconds)
    {
        /// <summary>Fresh-connection latency (ms) of the successful requests before the first restart.</summary>
        public Latency Steady { get; init; } = Latency.None;

        /// <summary>Fresh-connection latency (ms) of the successful requests sent while the restarts ran.</summary>
        public Latency During { get; init; } = Latency.None;

        /// <summary>Fresh-connection requests sent while the restarts ran, and how many of them failed.</summary>
        public int FreshDuring { get; init; }

        public int FreshDuringFailed { get; init; }

        /// <summary>Whether the load stopped at its request bound before the restarts ended.</summary>
        public bool Exhausted { get; init; }
    }

    public sealed record Latency(double P50, double P99, double Max)
    {
        public static readonly Latency None = new(double.NaN, double.NaN, double.NaN);

        public static Latency Of(List<double> milliseconds) => new(P(milliseconds, 50), P(milliseconds, 99), RestartsUnderLoad.Max(milliseconds));

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{P50:F1} / {P99:F1} / {Max:F1}");
    }

    /// <summary>Runs <paramref name="restart"/> <paramref name="restarts"/> times under load; what it returns is up to the scenario.</summary>
    public static Result Run(int port, int restarts, Action restart, string scenario, string setting, ITestOutputHelper output, int maxRequests = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(restart);
        ArgumentNullException.ThrowIfNull(output);
        using var load = new LoadClient(port, maxRequests);
        load.Start();
        Thread.Sleep(Steady);
        var restartsFrom = load.Now;
        var windows = new List<(double From, double To)>();
        for (var i = 0; i < restarts; i++)
        {
            var from = load.Now;
            restart();
            windows.Add((from, load.Now));
        }

        var restartsTo = load.Now;
        var exhausted = load.Exhausted;
        Thread.Sleep(TimeSpan.FromSeconds(1));
        var samples = load.Stop();

        var fresh = samples.Where(s => !s.KeepAlive).ToList();
        var keep = samples.Where(s => s.KeepAlive).ToList();
        var during = fresh.Where(s => s.StartedAt >= restartsFrom && s.StartedAt <= restartsTo && s.Failure is null).Select(s => s.Milliseconds).ToList();
        var steady = fresh.Where(s => s.StartedAt < restartsFrom && s.Failure is null).Select(s => s.Milliseconds).ToList();
        var failures = string.Join(", ", samples.Where(s => s.Failure is not null).GroupBy(s => (s.KeepAlive ? "keep-alive " : "fresh ") + s.Failure).Select(g => $"{g.Key} ×{g.Count()}"));
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {setting} | {restarts} | {fresh.Count} | {fresh.Count(s => s.Failure is not null)} / {keep.Count(s => s.Failure is not null)} of {keep.Count} (reused {keep.Count(s => s.Reused)}) | {P(steady, 50):F1} / {P(steady, 99):F1} / {Max(steady):F1} | {P(during, 50):F1} / {P(during, 99):F1} / {Max(during):F1} | {failures} |");
        output.WriteLine(row);
        Report(row);
        var details = FailureDetails(samples, windows);
        foreach (var line in details)
        {
            output.WriteLine(line);
        }

        ReportFailures(scenario, setting, details);
        var freshDuring = fresh.Where(s => s.StartedAt >= restartsFrom && s.StartedAt <= restartsTo).ToList();
        return new Result(fresh.Count, fresh.Count(s => s.Failure is not null), keep.Count, keep.Count(s => s.Failure is not null), failures,
            [.. windows.Select(w => w.To - w.From)])
        {
            Steady = Latency.Of(steady),
            During = Latency.Of(during),
            FreshDuring = freshDuring.Count,
            FreshDuringFailed = freshDuring.Count(s => s.Failure is not null),
            Exhausted = exhausted,
        };
    }

    public static void AssertNoFailures(Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.True(result.Fresh > 100, $"only {result.Fresh} requests: the load did not run");
        Assert.False(result.Exhausted, $"the load reached its bound of requests before the restarts ended: {result.Fresh} fresh requests prove nothing about the rest");
        Assert.True(result.FreshFailed == 0, $"{result.FreshFailed} of {result.Fresh} fresh-connection requests failed: {result.Failures}");
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Waits up to 30 s for a 200 on <paramref name="port"/>; fails with <paramref name="logs"/> otherwise.</summary>
    public static void WaitForHttp(int port, Func<string> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                if (http.GetAsync(new Uri($"http://127.0.0.1:{port}/")).GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still booting: ask again.
            }

            Thread.Sleep(100);
        }

        Assert.Fail($"nothing answered on port {port}:\n{logs()}");
    }

    public static int Count(string text, string marker) =>
        text.Split('\n').Count(l => l.Contains(marker, StringComparison.Ordinal));

    /// <summary>
    /// Each failure with its time relative to the restarts: a failure outside every restart window
    /// is the test rig's (client, kernel), one inside is the restart's.
    /// </summary>
    private static List<string> FailureDetails(IReadOnlyList<LoadClient.Sample> samples, List<(double From, double To)> windows)
    {
        const int Shown = 30;
        var failed = samples.Where(s => s.Failure is not null).ToList();
        var lines = failed.Take(Shown).Select(s =>
        {
            var k = windows.FindLastIndex(w => w.From <= s.StartedAt);
            var when = k < 0
                ? "steady, before any restart"
                : string.Create(CultureInfo.InvariantCulture, $"restart #{k + 1} +{s.StartedAt - windows[k].From:F2} s ({(s.StartedAt <= windows[k].To ? "during" : "after")} its {windows[k].To - windows[k].From:F2} s command)");
            return string.Create(CultureInfo.InvariantCulture, $"  - t={s.StartedAt:F3} s {(s.KeepAlive ? "keep-alive" : "fresh")} `{s.Failure}` after {s.Milliseconds:F1} ms — {when}");
        }).ToList();
        if (failed.Count > Shown)
        {
            lines.Add($"  - … {failed.Count - Shown} more");
        }

        return lines;
    }

    /// <summary>UNITGEN_E2E_RESULTS names the results file (CI quotes it); default TestResults/e2e-results.md.</summary>
    private static string ResultsFile =>
        Environment.GetEnvironmentVariable("UNITGEN_E2E_RESULTS") is { Length: > 0 } path
            ? path
            : Path.Combine(Support.RepoPaths.Root, "TestResults", "e2e-results.md");

    /// <summary>A line of results that is no row of the request table (jobs per scenario), to TestResults/e2e-results-jobs.md.</summary>
    public static void Note(string line)
    {
        var file = Path.ChangeExtension(ResultsFile, null) + "-jobs.md";
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.AppendAllLines(file, [line]);
    }

    private static void ReportFailures(string scenario, string setting, List<string> details)
    {
        if (details.Count == 0)
        {
            return;
        }

        var file = Path.ChangeExtension(ResultsFile, null) + "-failures.md";
        File.AppendAllLines(file, [$"- {scenario}, {setting}:", .. details]);
    }

    private static void Report(string row)
    {
        var file = ResultsFile;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        if (!File.Exists(file))
        {
            File.WriteAllText(file, "| scenario | setting (exposure) | restarts | fresh requests | failed fresh / keep-alive (connections reused) | steady p50/p99/max ms | during restarts p50/p99/max ms | failures |\n|---|---|---|---|---|---|---|---|\n");
        }

        File.AppendAllText(file, row + "\n");
    }

    private static double P(List<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    private static double Max(List<double> values) => values.Count == 0 ? double.NaN : values.Max();
}
