using UnitGen.Emitters;
using UnitGen.Emitters.Output;
using UnitGen.Model;
using UnitGen.Model.Loading;
using UnitGen.Model.Rules;
using UnitGen.Tests.Support;
using Xunit.Abstractions;

namespace UnitGen.Tests.EndToEnd;

/// <summary>One isolated systemd 252 shared by every app of <see cref="ExplicitCommandTests"/>: each app has its own name and port.</summary>
public sealed class SharedIsolatedSystemd : IDisposable
{
    public IsolatedSystemd Systemd { get; } = new();

    public void Dispose() => Systemd.Dispose();
}

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
        Assert.DoesNotContain("MemoryDenyWriteExecute", File.ReadAllText(Path.Combine(app.Folder, "systemd", app.Service)), StringComparison.Ordinal);
        Assert.Contains("yjit=true", Get(app), StringComparison.Ordinal);

        var result = RestartsUnderLoad.Run(app.Port, Restarts, () => Restart(app, "puma", "hot"), "issue 15: puma with YJIT, hot", hardening.ToString().ToLowerInvariant(), output);

        RestartsUnderLoad.AssertNoFailures(result);
        Assert.Contains("yjit=true", Get(app), StringComparison.Ordinal);
    }

    /// <summary>Yesterday's default, and today's `yjit: false`: MemoryDenyWriteExecute=yes with YJIT on aborts ruby at boot.</summary>
    [Fact]
    public void Negative_control_memory_deny_write_execute_kills_puma_with_yjit()
    {
        var app = Deploy("puma", "  workers: 0\n  yjit: false\n", "hot", HardeningProfile.Default, environment: "  RUBY_YJIT_ENABLE: \"1\"\n", expectStart: false);

        Assert.Contains("MemoryDenyWriteExecute=yes", File.ReadAllText(Path.Combine(app.Folder, "systemd", app.Service)), StringComparison.Ordinal);
        var journal = systemd.Journal(app.Service);
        output.WriteLine(string.Join('\n', journal.Split('\n').Where(l => l.Contains("JIT", StringComparison.Ordinal) || l.Contains("status=", StringComparison.Ordinal)).Take(6)));
        Assert.Contains("Couldn't make JIT page", journal, StringComparison.Ordinal);
        Assert.NotEqual("active", systemd.Property(app.Service, "ActiveState"));
    }

    private sealed record App(string Name, int Port, string Folder)
    {
        public string Service => $"{Name}.service";
    }

    private App Deploy(string server, string serverKeys, string restart, HardeningProfile hardening, string environment = "", bool binstubs = false, bool expectStart = true)
    {
        var name = "x" + Guid.NewGuid().ToString("N")[..7];
        var port = RestartsUnderLoad.FreePort();
        var dir = Path.Combine(systemd.WorkFolder, name);
        BundledApp.Write(dir, binstubs);
        Directory.CreateDirectory(Path.Combine(dir, "tmp", "pids"));
        var yaml = $"""
            name: {name}
            user: www-data
            directory: {dir}
            envFile: {dir}/env/{name}.env
            environment:
              RACK_ENV: production

            """ + environment + $"""
            server:
              type: {server}
              workers: 2
              preload: false
              threads: {"{"} min: 2, max: 8 {"}"}
              config: {dir}/app/{server}.rb

            """ + serverKeys.Replace("{dir}", dir, StringComparison.Ordinal) + $"""
            listen:
              - tcp://127.0.0.1:{port}
            restart: {restart}
            systemd:
              hardening: {hardening.ToString().ToLowerInvariant()}

            """;
        // A case that sets its own worker count (YJIT: single mode for hot restarts) replaces the default 2.
        yaml = serverKeys.Contains("workers:", StringComparison.Ordinal) ? yaml.Replace("  workers: 2\n", string.Empty, StringComparison.Ordinal) : yaml;
        if (server == "unicorn")
        {
            yaml = yaml.Replace("  threads: { min: 2, max: 8 }\n", "  timeout: 30\n", StringComparison.Ordinal);
        }

        var loaded = ModelLoader.Load(yaml, name + ".yaml");
        Assert.True(loaded.Model is not null, string.Join('\n', loaded.Diagnostics));
        var errors = Validator.Validate(loaded.Model, loaded.Map).Where(d => d.IsError).ToList();
        if (expectStart)
        {
            Assert.Empty(errors);
        }
        else
        {
            // The negative control is a model UnitGen refuses: emitted anyway, to show what the rule prevents.
            Assert.Contains(errors, d => d.Code == "UG0901");
        }

        OutputWriter.Write(dir, Generator.Emit(loaded.Model), checkOnly: false);
        ExternalTool.Run("chmod", ["-R", "o+rX", dir]);
        ExternalTool.Run("chown", ["-R", "www-data", Path.Combine(dir, "tmp")]);
        systemd.Install(Directory.GetFiles(Path.Combine(dir, "systemd")));
        var app = new App(name, port, dir);
        var start = systemd.Systemctl("start", $"{name}.socket", app.Service);
        if (expectStart)
        {
            Assert.True(start.ExitCode == 0, start.Output + systemd.Journal(app.Service));
            RestartsUnderLoad.WaitForHttp(port, () => systemd.Journal(app.Service));
        }
        else
        {
            // Restart=always retries every second; one failed start is the evidence.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!systemd.Journal(app.Service).Contains("status=", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                Thread.Sleep(200);
            }

            systemd.Systemctl("stop", app.Service, $"{name}.socket");
        }

        return app;
    }

    /// <summary>
    /// One restart of <paramref name="restart"/>'s kind: `systemctl restart` (paced: 5 starts per 10 s),
    /// or `systemctl reload` and wait until the server logs that the new generation is up.
    /// </summary>
    private void Restart(App app, string server, string restart)
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
    private bool WorkersReady(App app, int reloadsBefore)
    {
        var journal = systemd.Journal(app.Service);
        var afterReload = journal[journal.LastIndexOf("done reloading", StringComparison.Ordinal)..];
        return reloadsBefore >= 0 && afterReload.Contains("worker=1 ready", StringComparison.Ordinal);
    }

    private static string Get(App app)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        return http.GetStringAsync(new Uri($"http://127.0.0.1:{app.Port}/")).GetAwaiter().GetResult();
    }
}
