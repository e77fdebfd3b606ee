using System.Globalization;
using System.Net.Sockets;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;
using Xunit.Abstractions;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// The kestrel claim, proven with what a user has: a `dotnet new web` app that calls <c>builder.UseUnitGen()</c>
/// (UnitGen.Hosting) and publishes its units with UnitGen.MSBuild, both from a packed feed
/// (<see cref="KestrelApp"/>), run by one isolated systemd 252 and restarted 5 times under steady load: 0 failed
/// fresh-connection requests under the default and the strict profile. Side by side: the same app on .NET's own
/// UseSystemd() calls alone (no drain; its failures are counted), the watchdog (an app that stops pinging is
/// killed and restarted; without UnitGen.Hosting's pings systemd kills a healthy app), and a negative control
/// without socket activation. Rows go to the test output and to TestResults/e2e-results.md.
/// </summary>
[Trait(Category.Name, Category.EndToEnd)]
public sealed class KestrelZeroDowntimeTests(KestrelApp published, ITestOutputHelper output) : IClassFixture<KestrelApp>
{
    private const int Restarts = 5;
    private const string DrainLine = "draining for 500 ms";

    private IsolatedSystemd Systemd => published.Systemd;

    [Fact]
    public void Published_units_serve_through_socket_activation_and_lose_no_request_under_default_hardening()
    {
        output.WriteLine($"pack of UnitGen.Hosting + UnitGen.MSBuild and publish of the test app: {published.PublishMilliseconds} ms (once per class)");
        var units = Path.Combine(published.Folder, "deploy", "systemd");
        Assert.Contains("builder.UseUnitGen();", File.ReadAllText(Path.Combine(units, KestrelApp.Service + ".service")), StringComparison.Ordinal);
        var app = Start(new App(KestrelApp.Service, published.Port, published.UnixSocket, SocketActivated: true), published.ModelFile);
        // `unitgen install` of the project's model put exactly the units publish generated where systemd reads them.
        Assert.All(Directory.GetFiles(units), unit => Assert.Equal(File.ReadAllText(unit), File.ReadAllText($"{Systemd.StagingRoot}/etc/systemd/system/{Path.GetFileName(unit)}")));

        AssertServesWithoutLoss(app, "kestrel + UnitGen.Hosting: socket activation + systemctl restart (published units, app host)", "default");
    }

    [Fact]
    public void Strict_hardening_via_dotnet_loses_no_request()
    {
        var app = Deploy("strict", published.Model("e2eks", RestartsUnderLoad.FreePort(), "strict", viaDotnet: true, unixSocket: UnixSocketFor("e2eks")));

        AssertServesWithoutLoss(app, "kestrel + UnitGen.Hosting: socket activation + systemctl restart (dotnet App.dll)", "strict");
    }

    /// <summary>
    /// .NET's own integration becomes ready under the default profile (issue 18: ProtectProc=invisible hid PID 1 from
    /// its /proc/PPID/comm check) and serves the held sockets, but without a drain a fresh client accepted just before
    /// the stop can lose its request. The count is reported, not asserted: it is a race of a few requests in 10^5.
    /// </summary>
    [Fact]
    public void Without_the_drain_dotnet_only_integration_becomes_ready_and_its_failures_are_counted()
    {
        var app = Deploy("default", published.Model("e2ekn", RestartsUnderLoad.FreePort(), "default", dotnetOnly: true));
        Assert.True(Monotonic(app, "ActiveEnterTimestampMonotonic") > Monotonic(app, "ExecMainStartTimestampMonotonic"),
            "the unit must become active at READY=1 from Microsoft.Extensions.Hosting.Systemd");

        var result = UnderLoad(app, "kestrel, .NET UseSystemd() only (no drain): socket activation + systemctl restart", Restarts, "default");

        output.WriteLine($"without the drain: {result.FreshFailed} of {result.Fresh} fresh-connection requests failed over {Restarts} restarts");
        Assert.True(result.Fresh > 100, "the load did not run");
        Assert.DoesNotContain(DrainLine, Systemd.Journal(app.Service), StringComparison.Ordinal);
    }

    [Fact]
    public void The_watchdog_keeps_a_pinging_app_and_kills_and_restarts_a_hung_one()
    {
        const int WatchdogSec = 2;
        // TimeoutAbortSec= (systemd.extra): SIGKILL 3 s after the watchdog's SIGABRT instead of TimeoutStopSec=40 later.
        var pinging = Deploy("default", published.Model("e2ekw", RestartsUnderLoad.FreePort(), "default", socketActivation: false, watchdogSec: WatchdogSec,
            serviceExtra: "TimeoutAbortSec: \"3\""));
        var silent = Deploy("default", published.Model("e2ekx", RestartsUnderLoad.FreePort(), "default", socketActivation: false, watchdogSec: WatchdogSec, dotnetOnly: true));
        Thread.Sleep(TimeSpan.FromSeconds(3 * WatchdogSec));

        // Negative control: .NET's UseSystemd() alone sends no WATCHDOG=1, so systemd kills a healthy app.
        Assert.Contains("Watchdog timeout", Systemd.Journal(silent.Service), StringComparison.Ordinal);
        Systemd.Systemctl("stop", silent.Service);
        Assert.Equal("0", Systemd.Property(pinging.Service, "NRestarts"));
        Assert.DoesNotContain("Watchdog timeout", Systemd.Journal(pinging.Service), StringComparison.Ordinal);
        Assert.StartsWith("Serving on ", Systemd.Property(pinging.Service, "StatusText"), StringComparison.Ordinal);

        // Hung: the whole process frozen (SIGSTOP), so it stops pinging. systemd 252 sends WatchdogSignal= (SIGABRT)
        // after WatchdogSec, SIGKILL after TimeoutAbortSec= (measured: the frozen .NET process outlives SIGABRT;
        // without the extra line it waits TimeoutStopSec=40), then Restart= brings it back.
        var hungPid = Systemd.Property(pinging.Service, "MainPID");
        var freeze = Systemd.Systemctl("kill", "--signal=SIGSTOP", pinging.Service);
        Assert.True(freeze.ExitCode == 0, freeze.Output);
        bool Replaced() => Systemd.Property(pinging.Service, "MainPID") is var pid && pid != hungPid && pid != "0"
            && Systemd.Property(pinging.Service, "ActiveState") == "active";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!Replaced() && clock.Elapsed < TimeSpan.FromSeconds(WatchdogSec + 3 + 15))
        {
            Thread.Sleep(200);
        }

        var journal = Systemd.Journal(pinging.Service);
        output.WriteLine($"hung app replaced after {clock.Elapsed.TotalSeconds:F1} s (WatchdogSec={WatchdogSec})");
        Assert.True(Replaced(), Systemd.Systemctl("status", pinging.Service).Output + journal);
        Assert.Contains("Watchdog timeout", journal, StringComparison.Ordinal);
        Assert.Equal("1", Systemd.Property(pinging.Service, "NRestarts"));
        RestartsUnderLoad.WaitForHttp(pinging.Port, () => Systemd.Journal(pinging.Service));
    }

    [Fact]
    public void Negative_control_without_socket_activation_a_kestrel_restart_loses_requests()
    {
        var app = Deploy("default", published.Model("e2ekc", RestartsUnderLoad.FreePort(), "default", socketActivation: false));
        // Kestrel bound what UnitGen derived from `listen`: ASPNETCORE_URLS in the unit.
        Assert.Contains($"Now listening on: http://127.0.0.1:{app.Port}", Systemd.Journal(app.Service), StringComparison.Ordinal);

        var result = UnderLoad(app, "NEGATIVE CONTROL kestrel: no socket activation + restart", 2, "default");

        Assert.True(result.FreshFailed > 0, "without a held socket, restarts must refuse requests; if not, the test proves nothing");
    }

    private sealed record App(string Name, int Port, string? UnixSocket, bool SocketActivated)
    {
        public string Service => $"{Name}.service";
    }

    private void AssertServesWithoutLoss(App app, string scenario, string hardening)
    {
        Assert.Equal("notify", Systemd.Property(app.Service, "Type"));
        Assert.True(Monotonic(app, "ActiveEnterTimestampMonotonic") > Monotonic(app, "ExecMainStartTimestampMonotonic"),
            "the unit must become active after the process started, at READY=1");
        // UseUnitGen() took both sockets systemd passed (LISTEN_FDS=2): the unix one answers too (UG0111).
        Assert.StartsWith("ok ", GetOverUnixSocket(app.UnixSocket!), StringComparison.Ordinal);
        Assert.StartsWith("Serving on ", Systemd.Property(app.Service, "StatusText"), StringComparison.Ordinal);
        var pid = Systemd.Property(app.Service, "MainPID");

        var result = UnderLoad(app, scenario, Restarts, hardening);

        RestartsUnderLoad.AssertNoFailures(result);
        Assert.NotEqual(pid, Systemd.Property(app.Service, "MainPID"));
        Assert.Equal("active", Systemd.Property(app.Service, "ActiveState"));
        var journal = Systemd.Journal(app.Service);
        Assert.True(RestartsUnderLoad.Count(journal, "Now listening on: http://unix:" + app.UnixSocket) == Restarts + 1, journal);
        Assert.DoesNotContain("Overriding address", journal, StringComparison.Ordinal);
        // UnitGen.Hosting's drain ran at each stop (once per socket).
        Assert.True(RestartsUnderLoad.Count(journal, DrainLine) >= Restarts, journal);
    }

    private string UnixSocketFor(string name) => Path.Combine(published.Folder, name + ".sock");

    /// <summary>Deploys <paramref name="yaml"/> as on a host (`unitgen install --root`, the host commands it prints) and starts it.</summary>
    private App Deploy(string hardening, string yaml)
    {
        var loaded = ModelLoader.Load(yaml, "unitgen.yaml");
        Assert.True(loaded.Model is not null, string.Join('\n', loaded.Diagnostics));
        var diagnostics = UnitGen.Model.Rules.Validator.Validate(loaded.Model, loaded.Map);
        Assert.True(diagnostics.IsEmpty, string.Join('\n', diagnostics));
        Assert.Equal(hardening, loaded.Model.Systemd.Hardening.ToString().ToLowerInvariant());
        var modelFile = Path.Combine(Systemd.WorkFolder, loaded.Model.Name + ".yaml");
        File.WriteAllText(modelFile, yaml);
        var unix = loaded.Model.Listen.Select(l => l.Address).OfType<UnitGen.Model.UnixAddress>().FirstOrDefault()?.Path;
        var port = loaded.Model.Listen.Select(l => l.Address).OfType<UnitGen.Model.TcpAddress>().First().Port;
        return Start(new App(loaded.Model.Name, port, unix, loaded.Model.SocketActivation), modelFile);
    }

    private App Start(App app, string modelFile)
    {
        Systemd.InstallModel(modelFile);
        var units = app.SocketActivated ? new[] { $"{app.Name}.socket", app.Service } : [app.Service];
        // Type=notify: `systemctl start` returns once the app has sent READY=1.
        var start = Systemd.Systemctl(["start", .. units]);
        Assert.True(start.ExitCode == 0, start.Output + Systemd.Journal(app.Service));
        RestartsUnderLoad.WaitForHttp(app.Port, () => Systemd.Journal(app.Service));
        return app;
    }

    /// <summary>`systemctl restart`, paced under systemd's start limit (5 starts in 10 s), as in <see cref="ZeroDowntimeTests"/>.</summary>
    private void Restart(App app)
    {
        var restart = Systemd.Systemctl("restart", app.Service);
        Assert.True(restart.ExitCode == 0, restart.Output + Systemd.Journal(app.Service));
        Thread.Sleep(TimeSpan.FromSeconds(2.2));
    }

    private RestartsUnderLoad.Result UnderLoad(App app, string scenario, int restarts, string hardening)
    {
        var result = RestartsUnderLoad.Run(app.Port, restarts, () => Restart(app), scenario, $"{hardening} ({Exposure(app)})", output);
        // Each command includes the 2.2 s pause Restart() adds for systemd's start limit.
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"systemctl restart took {string.Join(" / ", result.CommandSeconds.Select(c => (c - 2.2).ToString("F2", CultureInfo.InvariantCulture)))} s (stop + boot to READY=1)"));
        return result;
    }

    private long Monotonic(App app, string property) =>
        long.Parse(Systemd.Property(app.Service, property), CultureInfo.InvariantCulture);

    private string Exposure(App app)
    {
        var run = Systemd.Run("systemd-analyze", "security", app.Service);
        var line = run.Output.Split('\n').FirstOrDefault(l => l.Contains("Overall exposure level", StringComparison.Ordinal)) ?? "?";
        return line.Split(':').LastOrDefault()?.Trim().Split(' ')[0] ?? "?";
    }

    private static string GetOverUnixSocket(string path)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        return http.GetStringAsync(new Uri("http://unix/")).GetAwaiter().GetResult();
    }
}
