using System.Globalization;
using System.Text.RegularExpressions;
using UnitGen.Emitters;
using UnitGen.Emitters.Output;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;
using Xunit.Abstractions;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// Issue 20, end to end on this one machine: three "hosts" (each an isolated systemd 252 with its own
/// /var/www and its own Debian sshd on 127.0.1.1–3, key auth), Debian haproxy on 127.0.0.1 balancing
/// the three hosts' puma unix sockets, and real `cap` (Debian capistrano 3.17.2) deploying one app
/// from a local git repository over real SSH, with the tasks UnitGen generates
/// (<c>capistrano/shop.rake</c>, <c>bin/shop-restart</c>). Load runs through haproxy on fresh
/// connections while `cap` restarts:
/// a. a rolling phased restart and b. a rolling hot restart lose no request;
/// c. (negative control) <c>restart: normal</c> on every host at once loses requests;
/// d. (negative control) a release whose config.ru cannot boot stops the roll at the first host,
///    `cap` exits non-zero, and the other hosts still serve the old release.
/// The hosts, haproxy and redis are shared by the scenarios, in this order.
/// </summary>
[Trait(Category.Name, Category.EndToEnd)]
public sealed class CapistranoRollingRestartTests(ITestOutputHelper output) : IDisposable
{
    private const string Name = "shop";
    private const string DeployTo = CapistranoProject.DeployTo;
    private const string SocketPath = DeployTo + "/shared/tmp/puma.sock";
    private const string Service = Name + ".service";
    private const string Worker = Name + "-worker@1.service";

    /// <summary>A bound on every load run: far above what 20–40 s of load reach on 2 cores.</summary>
    private const int MaxRequests = 400_000;

    /// <summary>
    /// The tasks this test adds to the Capfile. <c>e2e:probe</c> shows each host is its own machine;
    /// <c>e2e:socket_dir</c> makes the folder the web server (www-data) binds its socket in;
    /// <c>e2e:published</c> is the model's <c>deploy.capistrano.hook</c>: a task the deploy flow
    /// never runs, so `cap deploy` only ships code and each restart is a `cap` run of its own, timed alone.
    /// </summary>
    private const string CapfileTasks = $$"""
        namespace :e2e do
          task :probe do
            on roles(:all) do |host|
              info "probe #{host}: #{capture(:findmnt, "-no", "SOURCE", "/var/www")} #{capture(:systemctl, "is-system-running", raise_on_non_zero_exit: false)}"
            end
          end

          task :socket_dir do
            on roles(:web) do
              execute :install, "-d", "-o", "www-data", "-g", "www-data", "{{DeployTo}}/shared/tmp"
            end
          end

          task :published do
          end
        end

        import "unitgen/capistrano/{{Name}}.rake"
        """;

    private readonly List<IDisposable> owned = [];
    private readonly List<string> rows = [];

    public void Dispose()
    {
        foreach (var item in Enumerable.Reverse(owned))
        {
            item.Dispose();
        }
    }

    [Fact]
    public void Rolling_restarts_by_cap_lose_no_request_behind_haproxy_and_the_negative_controls_do()
    {
        var redis = Own(new RedisServer());
        var project = Own(new CapistranoProject());
        var hosts = BootHosts(project);
        project.Configure(hosts, CapfileTasks);
        var haproxy = Own(new Haproxy(Path.Combine(project.Root, "haproxy"), [.. hosts.Select(h => h.OutsidePath(SocketPath))]));

        WriteRelease(project, redis, "release 1", "phased");
        var probe = project.Cap("e2e:probe");
        Assert.True(probe.ExitCode == 0, probe.Output);
        foreach (var host in hosts)
        {
            Assert.Matches($@"probe {Regex.Escape(host.Address)}: \S*\[{Regex.Escape(host.Systemd.WwwFolder!)}\]", probe.Output);
        }

        // Install: deploy release 1, then the generated tasks install and start the app on every host.
        var install = Cap(project, "deploy", "e2e:socket_dir", "unitgen:install", "unitgen:start");
        output.WriteLine($"install: cap deploy + unitgen:install + unitgen:start on 3 hosts, {install.Seconds:F1} s");
        WaitForBalancer(haproxy, "release 1");
        AssertEveryHostServes(hosts, "release 1");
        foreach (var host in hosts)
        {
            Assert.Equal("active", host.Systemd.Property(Worker, "ActiveState"));
        }

        // a. Rolling phased restart: every host's workers replaced, one host at a time.
        WriteRelease(project, redis, "release 2", "phased");
        Cap(project, "deploy");
        var workersBefore = Pids(hosts, Worker);
        var (phased, phasedRoll) = Roll(haproxy, project, "a. rolling phased restart", "unitgen:rolling_restart");
        Assert.True(phasedRoll.ExitCode == 0, phasedRoll.Output);
        AssertEveryHostServes(hosts, "release 2");
        Assert.All(Pids(hosts, Worker).Zip(workersBefore), p => Assert.NotEqual(p.Second, p.First));
        Assert.Equal(3, RestartsUnderLoad.Count(phasedRoll.Output, "phased restart of shop.service done"));

        // b. Rolling hot restart: puma re-execs in place (its pid stays), one host at a time.
        WriteRelease(project, redis, "release 3", "phased");
        Cap(project, "deploy");
        var mastersBefore = Pids(hosts, Service);
        var (hot, hotRoll) = Roll(haproxy, project, "b. rolling hot restart", "unitgen:rolling_restart[hot]");
        Assert.True(hotRoll.ExitCode == 0, hotRoll.Output);
        AssertEveryHostServes(hosts, "release 3");
        Assert.Equal(mastersBefore, Pids(hosts, Service));
        Assert.Equal(3, RestartsUnderLoad.Count(hotRoll.Output, "hot restart of shop.service done"));

        // c. Negative control: the model says `restart: normal`, and `unitgen:restart` stops and starts every host at once.
        WriteRelease(project, redis, "release 4", "normal");
        Cap(project, "deploy", "unitgen:install");
        var (normal, normalRoll) = Roll(haproxy, project, "c. NEGATIVE CONTROL: restart: normal, all hosts at once", "unitgen:restart");
        Assert.True(normalRoll.ExitCode == 0, normalRoll.Output);
        AssertEveryHostServes(hosts, "release 4");

        // d. Negative control: release 5 cannot boot; the roll stops at the first host, the others keep release 4.
        WriteRelease(project, redis, "release 5", "phased", broken: true);
        Cap(project, "deploy", "unitgen:install");
        var untouchedBefore = Pids(hosts[1..], Service).Concat(Pids(hosts[1..], Worker)).ToList();
        var (broken, brokenRoll) = Roll(haproxy, project, "d. NEGATIVE CONTROL: release 5 cannot boot", "unitgen:rolling_restart");
        var afterBroken = Enumerable.Range(0, 30).Select(_ => PlainHttp.Get(haproxy.Port)).ToList();
        var perHost = hosts.Select(h => PlainHttp.GetUnix(h.OutsidePath(SocketPath))).ToList();
        output.WriteLine($"after the failed roll, through haproxy: {Summary(afterBroken)}; per host: {string.Join(" | ", perHost)}");

        WriteReport();
        RestartsUnderLoad.AssertNoFailures(phased);
        RestartsUnderLoad.AssertNoFailures(hot);
        Assert.True(normal.FreshFailed > 0, "restarting every host at once without a held socket must lose requests; if not, the test proves nothing");
        Assert.True(brokenRoll.ExitCode != 0, "a release that cannot boot must fail the roll:\n" + brokenRoll.Output);
        Assert.Contains($"{hosts[0].Address}", brokenRoll.Output, StringComparison.Ordinal);
        Assert.Equal(0, RestartsUnderLoad.Count(brokenRoll.Output, "restart of shop.service done"));
        Assert.Equal(untouchedBefore, Pids(hosts[1..], Service).Concat(Pids(hosts[1..], Worker)).ToList());
        Assert.All(perHost.Skip(1), body => Assert.Equal("release 4", body));
        Assert.DoesNotContain("release 5", afterBroken);
        Assert.True(afterBroken.Count(b => b == "release 4") >= 20, $"the hosts not restarted must serve release 4 through haproxy: {Summary(afterBroken)}");
        Assert.True(broken.Fresh > 100, "the load did not run during the failed roll");
    }

    private T Own<T>(T item)
        where T : IDisposable
    {
        owned.Add(item);
        return item;
    }

    /// <summary>Boots the three hosts in parallel (each boot is mostly waiting on systemd and sshd).</summary>
    private SshHost[] BootHosts(CapistranoProject project)
    {
        var port = RestartsUnderLoad.FreePort();
        var booting = Enumerable.Range(1, 3).Select(i => Task.Run(() => new SshHost(i, port, project.PublicKeyFile))).ToArray();
        try
        {
            Task.WaitAll(booting);
        }
        finally
        {
            foreach (var boot in booting.Where(b => b.IsCompletedSuccessfully))
            {
                owned.Add(boot.Result);
            }
        }

        return [.. booting.Select(b => b.Result)];
    }

    /// <summary>
    /// One release of the app: it answers <paramref name="label"/> (or cannot boot), and its model,
    /// generated into DIR <c>unitgen</c> and committed with it, restarts by <paramref name="restart"/>.
    /// </summary>
    private static void WriteRelease(CapistranoProject project, RedisServer redis, string label, string restart, bool broken = false)
    {
        BundledApp.Write(project.Folder, binstubs: false, "sidekiq", "redis");
        project.Write("config.ru", broken
            ? $"raise {Ruby(label + " cannot boot")}\n"
            : $"body = {Ruby(label)}\nrun ->(env) {{ [200, {{ \"content-type\" => \"text/plain\", \"content-length\" => body.bytesize.to_s }}, [body]] }}\n");
        project.Write("worker.rb", "require \"sidekiq\"\n\nclass NoopJob\n  include Sidekiq::Worker\n\n  def perform; end\nend\n");
        project.Write("sidekiq.yml", $":concurrency: 2\n:require: ./worker.rb\n");
        // No socket activation: puma binds the socket itself, so a stop really closes it (the negative
        // control), and a phased or hot restart keeps it open only because puma's master does.
        project.Write("unitgen.yaml", $"""
            name: {Name}
            user: www-data
            group: www-data
            directory: {DeployTo}/current
            envFile: {DeployTo}/shared/{Name}.env
            environment:
              RACK_ENV: production
              REDIS_URL: {redis.Url}
            server:
              type: puma
              version: "5.6.5"
              workers: 2
              preload: false
              threads: {"{"} min: 2, max: 8 {"}"}
              rackup: config.ru
              config: {DeployTo}/shared/puma.rb
            listen:
              - unix://{SocketPath}
            restart: {restart}
            systemd:
              socketActivation: false
            processes:
              worker:
                type: sidekiq
                version: "6.4.1"
                config: {DeployTo}/current/sidekiq.yml
                instances: 1
                stopTimeout: 5
            deploy:
              health: {"{"} path: /up, timeout: 20 {"}"}
              capistrano:
                roles: [ web ]
                rolling: {"{"} limit: 1, wait: 1 {"}"}
                sudo: true
                hook: e2e:published

            """);
        var loaded = ModelLoader.Load(File.ReadAllText(Path.Combine(project.Folder, "unitgen.yaml")), "unitgen.yaml");
        Assert.True(loaded.Model is not null, string.Join('\n', loaded.Diagnostics));
        Assert.DoesNotContain(UnitGen.Model.Rules.Validator.Validate(loaded.Model, loaded.Map), d => d.IsError);
        OutputWriter.Write(Path.Combine(project.Folder, "unitgen"), Generator.Emit(loaded.Model), checkOnly: false);
        project.Release(label);
    }

    private CapistranoProject.CapRun Cap(CapistranoProject project, params string[] tasks)
    {
        var run = project.Cap(tasks);
        Assert.True(run.ExitCode == 0, $"cap {string.Join(' ', tasks)} exited {run.ExitCode}:\n{run.Output}");
        output.WriteLine($"cap {string.Join(' ', tasks)}: {run.Seconds:F1} s");
        return run;
    }

    /// <summary>One `cap` run under load through haproxy; its row goes to the report.</summary>
    private (RestartsUnderLoad.Result Load, CapistranoProject.CapRun Cap) Roll(Haproxy haproxy, CapistranoProject project, string scenario, string task)
    {
        CapistranoProject.CapRun? run = null;
        var load = RestartsUnderLoad.Run(haproxy.Port, 1, () => run = project.Cap(task), scenario, "cap " + task, output, MaxRequests);
        output.WriteLine($"cap {task} exited {run!.ExitCode} after {run.Seconds:F1} s:\n{run.Output}");
        rows.Add(string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | `cap e2e {task}` | {run.ExitCode} | {run.Seconds:F1} | {load.FreshDuring} | {load.FreshDuringFailed} | {load.Fresh} | {load.FreshFailed} | {load.Steady} | {load.During} |"));
        return (load, run);
    }

    private void WriteReport()
    {
        string[] table =
        [
            "| scenario | cap task | cap exit | roll s | fresh requests during | failed during | fresh requests in all | failed in all | steady p50 / p99 / max ms | during p50 / p99 / max ms |",
            "|---|---|---|---|---|---|---|---|---|---|",
            .. rows,
        ];
        foreach (var line in table)
        {
            output.WriteLine(line);
        }

        var file = Path.Combine(RepoPaths.Root, "TestResults", "e2e-capistrano.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllLines(file, table);
    }

    private static List<string> Pids(IEnumerable<SshHost> hosts, string unit) => [.. hosts.Select(h => h.Systemd.Property(unit, "MainPID"))];

    private static void AssertEveryHostServes(IEnumerable<SshHost> hosts, string expected)
    {
        foreach (var host in hosts)
        {
            Assert.True(PlainHttp.GetUnix(host.OutsidePath(SocketPath)) == expected,
                $"{host.Address} does not serve `{expected}`: {PlainHttp.GetUnix(host.OutsidePath(SocketPath))}\n{host.Systemd.Journal(Service)}");
        }
    }

    private static void WaitForBalancer(Haproxy haproxy, string expected)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var last = string.Empty;
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            // Three in a row: one per host, round robin.
            var answers = Enumerable.Range(0, 3).Select(_ => PlainHttp.Get(haproxy.Port)).ToArray();
            if (answers.All(a => a == expected))
            {
                return;
            }

            last = string.Join(" | ", answers);
            Thread.Sleep(200);
        }

        Assert.Fail($"haproxy did not serve `{expected}` from every host: {last}\n{haproxy.Log()}");
    }

    private static string Summary(IEnumerable<string> answers) =>
        string.Join(", ", answers.GroupBy(a => a).Select(g => $"{g.Key} ×{g.Count()}"));

    private static string Ruby(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
