using UnitGen.Model;
using UnitGen.Tests.Cli;
using UnitGen.Tests.Support;
using Xunit.Abstractions;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// Issue 15, proven under a real isolated systemd 252 with Debian's puma 5.6.5, unicorn 6.0.0, bundler
/// 2.3.15 and ruby 3.1.2: (1) a model's own `server.command` — the system-wide program, the app's
/// binstub, `bundle exec` — gets the generated config (without it puma would listen on 0.0.0.0:9292 and
/// close systemd's socket), serves on the model's socket and restarts with 0 failed requests; (2) with
/// YJIT on (RUBY_YJIT_ENABLE=1) the default and strict profiles boot and restart, and the negative
/// control — `yjit: false`, which brings MemoryDenyWriteExecute=yes back — aborts at boot, as UG0901 says.
/// Two restarts each: the claim is the command and the sandbox, the restart mechanics have their own tests.
/// </summary>
[Trait(Category.Name, Category.EndToEnd)]
public sealed class ExplicitCommandTests(SharedIsolatedSystemd shared, ITestOutputHelper output) : IClassFixture<SharedIsolatedSystemd>
{
    private const int Restarts = 2;
    private readonly IsolatedSystemd systemd = shared.Systemd;

    [Theory]
    [InlineData("puma", "/usr/bin/puma", "normal")]
    [InlineData("puma", "{dir}/bin/puma", "hot")]
    [InlineData("puma", "/usr/bin/bundle exec puma", "phased")]
    [InlineData("unicorn", "/usr/bin/unicorn", "hot")]
    [InlineData("unicorn", "/usr/bin/bundle exec unicorn", "phased")]
    public void An_explicit_command_serves_on_its_socket_and_restarts_without_loss(string server, string command, string restart)
    {
        var app = Deploy(server, $"  command: {command}\n  bundler: \"2.3.15\"\n", restart, HardeningProfile.Default, binstubs: command.Contains("/bin/puma", StringComparison.Ordinal) && !command.StartsWith("/usr", StringComparison.Ordinal));
        Assert.Contains(server == "puma" ? "-C " : "-c ", systemd.Property(app.Service, "ExecStart"), StringComparison.Ordinal);

        var result = RestartsUnderLoad.Run(app.Port, Restarts, () => Restart(app, server, restart), $"issue 15: {server} `{command}`, {restart}", "default", output);

        RestartsUnderLoad.AssertNoFailures(result);
        Assert.DoesNotContain("Closing unused activated socket", systemd.Journal(app.Service), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HardeningProfile.Default)]
    [InlineData(HardeningProfile.Strict)]
    public void Puma_with_yjit_boots_and_restarts_without_loss(HardeningProfile hardening)
    {
        var app = Deploy("puma", "  workers: 0\n", "hot", hardening, environment: "  RUBY_YJIT_ENABLE: \"1\"\n");
        Assert.DoesNotContain("MemoryDenyWriteExecute", File.ReadAllText(systemd.StagingRoot + "/etc/systemd/system/" + app.Service), StringComparison.Ordinal);
        Assert.Contains("yjit=true", Get(app), StringComparison.Ordinal);

        var result = RestartsUnderLoad.Run(app.Port, Restarts, () => Restart(app, "puma", "hot"), "issue 15: puma with YJIT, hot", hardening.ToString().ToLowerInvariant(), output);

        RestartsUnderLoad.AssertNoFailures(result);
        Assert.Contains("yjit=true", Get(app), StringComparison.Ordinal);
    }

    /// <summary>
    /// Yesterday's default, and today's `yjit: false`: MemoryDenyWriteExecute=yes with YJIT on aborts ruby at boot.
    /// `unitgen install` refuses that model (UG0901); the directive is put back by a drop-in on the YJIT app's unit,
    /// as an operator would, to show what the rule prevents.
    /// </summary>
    [Fact]
    public void Negative_control_memory_deny_write_execute_kills_puma_with_yjit()
    {
        var refused = E2eApp.Create(systemd.WorkFolder, "x");
        var install = CliRun.Of("install", refused.WriteModel(ServerModel(refused, "  workers: 0\n  yjit: false\n", "hot", HardeningProfile.Default), "  RUBY_YJIT_ENABLE: \"1\"\n"), "--root", systemd.StagingRoot);
        Assert.Equal(1, install.ExitCode);
        Assert.Contains("UG0901", install.Stdout + install.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(systemd.StagingRoot + "/etc/systemd/system/" + refused.Service), "a refused model must install nothing");

        var app = Deploy("puma", "  workers: 0\n", "hot", HardeningProfile.Default, environment: "  RUBY_YJIT_ENABLE: \"1\"\n", expectStart: false,
            dropIn: "[Service]\nMemoryDenyWriteExecute=yes\n");

        var journal = systemd.Journal(app.Service);
        output.WriteLine(string.Join('\n', journal.Split('\n').Where(l => l.Contains("JIT", StringComparison.Ordinal) || l.Contains("status=", StringComparison.Ordinal)).Take(6)));
        Assert.Contains("Couldn't make JIT page", journal, StringComparison.Ordinal);
        Assert.NotEqual("active", systemd.Property(app.Service, "ActiveState"));
    }

    /// <summary>
    /// An app deployed as on a host: `unitgen install --root`, the host commands install prints, `systemctl start`.
    /// <paramref name="dropIn"/>: a drop-in put beside the installed unit first (/run/systemd/system/NAME.service.d/).
    /// </summary>
    private E2eApp Deploy(string server, string serverKeys, string restart, HardeningProfile hardening, string environment = "", bool binstubs = false,
        bool expectStart = true, string? dropIn = null)
    {
        var app = E2eApp.Create(systemd.WorkFolder, "x", binstubs);
        systemd.InstallModel(app.WriteModel(ServerModel(app, serverKeys, restart, hardening, server), environment));
        if (dropIn is not null)
        {
            var folder = $"/run/systemd/system/{app.Service}.d";
            Assert.Equal(0, systemd.Run("mkdir", "-p", folder).ExitCode);
            Assert.Equal(0, systemd.Run("sh", "-c", $"printf '{dropIn.Replace("\n", "\\n", StringComparison.Ordinal)}' > {folder}/e2e.conf").ExitCode);
            Assert.Equal(0, systemd.Systemctl("daemon-reload").ExitCode);
        }

        var start = systemd.Systemctl("start", app.Socket, app.Service);
        if (expectStart)
        {
            Assert.True(start.ExitCode == 0, start.Output + systemd.Journal(app.Service));
            RestartsUnderLoad.WaitForHttp(app.Port, () => systemd.Journal(app.Service));
        }
        else
        {
            // Restart=always retries every second; one failed start is the evidence.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!systemd.Journal(app.Service).Contains("status=", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                Thread.Sleep(200);
            }

            systemd.Systemctl("stop", app.Service, app.Socket);
        }

        return app;
    }

    /// <summary>The model's body after the shared lines: <paramref name="server"/> with 2 workers unless <paramref name="serverKeys"/> sets them.</summary>
    private static string ServerModel(E2eApp app, string serverKeys, string restart, HardeningProfile hardening, string server = "puma")
    {
        var yaml = $"""
            server:
              type: {server}
              workers: 2
              preload: false
              threads: {"{"} min: 2, max: 8 {"}"}

            """ + serverKeys.Replace("{dir}", app.Folder, StringComparison.Ordinal) + $"""
            listen:
              - tcp://127.0.0.1:{app.Port}
            restart: {restart}
            systemd:
              hardening: {hardening.ToString().ToLowerInvariant()}

            """;
        // A case that sets its own worker count (YJIT: single mode for hot restarts) replaces the default 2.
        yaml = serverKeys.Contains("workers:", StringComparison.Ordinal) ? yaml.Replace("  workers: 2\n", string.Empty, StringComparison.Ordinal) : yaml;
        return server == "unicorn" ? yaml.Replace("  threads: { min: 2, max: 8 }\n", "  timeout: 30\n", StringComparison.Ordinal) : yaml;
    }

    /// <summary>
    /// One restart of <paramref name="restart"/>'s kind: `systemctl restart` (paced: 5 starts per 10 s),
    /// or `systemctl reload` and wait until the server logs that the new generation is up.
    /// </summary>
    private void Restart(E2eApp app, string server, string restart)
    {
        var (command, marker) = (server, restart) switch
        {
            ("puma", "hot") => ("reload", "Puma version"),
            ("puma", "phased") => ("reload", "Worker 1 (PID"),
            ("unicorn", "phased") => ("reload", "done reloading"),
            _ => ("restart", null),
        };
        var before = marker is null ? 0 : RestartsUnderLoad.Count(systemd.Journal(app.Service), marker);
        var run = systemd.Systemctl(command, app.Service);
        Assert.True(run.ExitCode == 0, run.Output + systemd.Journal(app.Service));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (marker is null)
        {
            Thread.Sleep(TimeSpan.FromSeconds(2.2));
            return;
        }

        while (RestartsUnderLoad.Count(systemd.Journal(app.Service), marker) <= before || (server == "unicorn" && !WorkersReady(app, before)))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"`{marker}` did not appear after {command}:\n{systemd.Journal(app.Service)}");
            Thread.Sleep(100);
        }

        Thread.Sleep(500);
    }

    /// <summary>Unicorn's HUP: both new workers ready after the reload (worker=1 is the last to boot).</summary>
    private bool WorkersReady(E2eApp app, int reloadsBefore)
    {
        var journal = systemd.Journal(app.Service);
        var afterReload = journal[journal.LastIndexOf("done reloading", StringComparison.Ordinal)..];
        return reloadsBefore >= 0 && afterReload.Contains("worker=1 ready", StringComparison.Ordinal);
    }

    private static string Get(E2eApp app)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        return http.GetStringAsync(new Uri($"http://127.0.0.1:{app.Port}/")).GetAwaiter().GetResult();
    }
}
