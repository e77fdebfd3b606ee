using System.Diagnostics;
using UnitGen.Emitters;
using UnitGen.Emitters.Deploy;
using UnitGen.Emitters.Output;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;
using Xunit.Abstractions;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// bin/NAME-restart on one host, under a real isolated systemd 252 with Debian's puma 5.6.5 (2 workers,
/// phased): it returns 0 only once the new code serves, and when the new release cannot boot (a broken
/// config.ru) it exits 1 with one line while the old worker keeps serving. The multi-host roll through
/// Capistrano and haproxy is cap-e2e's.
/// </summary>
[Trait(Category.Name, Category.EndToEnd)]
public sealed class RestartScriptTests(ITestOutputHelper output) : IDisposable
{
    private readonly IsolatedSystemd systemd = new();

    public void Dispose() => systemd.Dispose();

    [Fact]
    public void A_phased_restart_returns_when_the_new_code_serves_and_a_broken_release_fails_in_one_line()
    {
        var name = "rs" + Guid.NewGuid().ToString("N")[..6];
        var port = RestartsUnderLoad.FreePort();
        var dir = Path.Combine(systemd.WorkFolder, name);
        BundledApp.Write(dir);
        Release(dir, "v1");
        var yaml = $"""
            name: {name}
            user: www-data
            directory: {dir}
            envFile: {dir}/env/{name}.env
            environment: {"{"} RACK_ENV: production {"}"}
            server: {"{"} type: puma, version: "5.6.5", workers: 2, preload: false, rackup: config.ru, config: {dir}/app/puma.rb {"}"}
            listen: [ "tcp://127.0.0.1:{port}" ]
            restart: phased
            deploy: {"{"} health: {"{"} path: /up, timeout: 20 {"}"} {"}"}
            """;
        var loaded = ModelLoader.Load(yaml, name + ".yaml");
        Assert.True(loaded.Model is not null, string.Join('\n', loaded.Diagnostics));
        OutputWriter.Write(dir, Generator.Emit(loaded.Model), checkOnly: false);
        ExternalTool.Run("chmod", ["-R", "o+rX", dir]);
        systemd.Install(Directory.GetFiles(Path.Combine(dir, "systemd")));
        var start = systemd.Systemctl("start", $"{name}.socket", $"{name}.service");
        Assert.True(start.ExitCode == 0, start.Output);
        RestartsUnderLoad.WaitForHttp(port, () => systemd.Journal($"{name}.service"));
        var script = Path.Combine(dir, RestartScriptEmitter.OutputPath(loaded.Model));
        Assert.Equal("v1", Get(port));

        // New release: the script returns 0 only when it serves, so the very next request gets it.
        Release(dir, "v2");
        var clock = Stopwatch.StartNew();
        var restart = systemd.Run("sh", script, "restart");
        var restartSeconds = clock.Elapsed.TotalSeconds;
        var answer = Get(port);
        var status = systemd.Run("sh", script, "status");

        // A release that cannot boot: the phased restart replaces one worker, whose successor never boots.
        File.WriteAllText(Path.Combine(dir, "config.ru"), "run ->(env) { [200, {}, [\"v3\"]\n");
        clock.Restart();
        var broken = systemd.Run("sh", script, "restart");
        var brokenSeconds = clock.Elapsed.TotalSeconds;
        var afterBroken = Get(port);

        output.WriteLine($"phased restart: exit {restart.ExitCode} in {restartSeconds:F1} s: {restart.Stdout.Trim()}");
        output.WriteLine($"broken release: exit {broken.ExitCode} in {brokenSeconds:F1} s: {broken.Stderr.Trim()}");
        RestartsUnderLoad.Note($"bin/NAME-restart (1 host, puma 5.6.5, 2 workers, phased): new code served after {restartSeconds:F1} s, exit {restart.ExitCode}; broken config.ru: exit {broken.ExitCode} after {brokenSeconds:F1} s (timeout 20 s), old worker still answers `{afterBroken}`");
        Assert.True(restart.ExitCode == 0, restart.Output + systemd.Journal($"{name}.service"));
        Assert.Equal("v2", answer);
        Assert.Contains("Starting phased worker restart", systemd.Journal($"{name}.service"), StringComparison.Ordinal);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains("answers HTTP 200", status.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, broken.ExitCode);
        var line = Assert.Single(broken.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("phased restart", line, StringComparison.Ordinal);
        Assert.Contains("did not finish in 20 s", line, StringComparison.Ordinal);
        // The hosts' promise during a failed roll: the old code still serves here.
        Assert.Equal("v2", afterBroken);
    }

    private static void Release(string dir, string version) =>
        File.WriteAllText(Path.Combine(dir, "config.ru"), $"run ->(env) {{ [200, {{ \"content-type\" => \"text/plain\" }}, [\"{version}\"]] }}\n");

    private static string Get(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/up")).GetAwaiter().GetResult();
    }
}
