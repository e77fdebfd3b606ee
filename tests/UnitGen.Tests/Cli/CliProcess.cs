using System.Diagnostics;
using System.Globalization;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Cli;

/// <summary>
/// One run of the built <c>unitgen</c> binary as its own process, under GNU time (Debian package
/// <c>time</c>) for the child's peak resident set: what a user's shell would see, cold start included.
/// </summary>
public sealed record CliProcess(int ExitCode, string Stdout, string Stderr, TimeSpan Wall, TimeSpan Cpu, long PeakRssKiB)
{
    /// <summary>The apphost the test project copies beside itself (src/Cli's output).</summary>
    public static string Binary => Path.Combine(AppContext.BaseDirectory, "unitgen");

    public static CliProcess Of(params string[] args)
    {
        var time = ExternalTool.Require("/usr/bin/time");
        var report = Path.GetTempFileName();
        try
        {
            // -o keeps GNU time's line out of unitgen's stderr. From the child's wait4 rusage: %U and %S
            // user and system CPU seconds, %M the maximum resident set in KiB.
            var psi = new ProcessStartInfo(time, ["-o", report, "-f", "%U %S %M", Binary, .. args])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"unitgen {string.Join(' ', args)} did not finish in 30 s.");
            }

            process.WaitForExit();
            var wall = clock.Elapsed;
            // GNU time prints "Command exited with non-zero status N" before the format line.
            var fields = File.ReadLines(report).Last().Split(' ');
            var cpu = TimeSpan.FromSeconds(double.Parse(fields[0], CultureInfo.InvariantCulture) + double.Parse(fields[1], CultureInfo.InvariantCulture));
            var rss = long.Parse(fields[2], CultureInfo.InvariantCulture);
            return new CliProcess(process.ExitCode, stdout.Result, stderr.Result, wall, cpu, rss);
        }
        finally
        {
            File.Delete(report);
        }
    }
}
