using System.Diagnostics;
using System.Globalization;
using UnitGen.Tests.Support;
using Xunit.Abstractions;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// The whole app, generated from one model and run for real: puma (Debian 5.6.5) plus two sidekiq
/// 6.4.1 workers on our own redis-server, while a producer enqueues jobs of 0.2–2 s without pause
/// and HTTP load runs on puma. Three restarts of the whole app and three of the workers alone: no
/// failed request, every job completes at least once, none is lost; the jobs run twice are counted.
/// A negative control in the same run (the same workers killed instead of stopped) must lose jobs.
/// </summary>
[Trait(Category.Name, Category.EndToEnd)]
public sealed class WholeAppJobsTests(ITestOutputHelper output) : IDisposable
{
    private const int Restarts = 3;
    private const int StopTimeout = 5;
    private readonly RedisServer redis = new();
    private readonly List<IDisposable> owned = [];

    public void Dispose()
    {
        foreach (var item in Enumerable.Reverse(owned))
        {
            item.Dispose();
        }

        redis.Dispose();
    }

    [Fact]
    public void Under_systemd_restarts_of_the_whole_app_and_of_the_workers_lose_no_job_and_no_request()
    {
        var systemd = Own(new IsolatedSystemd());
        var (name, port, dir) = Prepare(systemd, "restart: normal\n", "    notify: true\n    watchdogSec: 20\n", supervisor: null);
        var workers = Enumerable.Range(1, 2).Select(n => $"{name}-worker@{n}.service").ToArray();
        var start = systemd.Systemctl("start", $"{name}.socket", $"{name}.target");
        Assert.True(start.ExitCode == 0, start.Output + systemd.Journal($"{name}-worker@1.service"));
        RestartsUnderLoad.WaitForHttp(port, () => systemd.Journal($"{name}.service"));
        WaitActive(systemd, [$"{name}.service", .. workers]);
        Assert.Equal("notify", systemd.Property(workers[0], "Type"));
        Assert.Contains("Enabling systemd notification integration", systemd.Journal(workers[0]), StringComparison.Ordinal);

        var jobs = Own(new SidekiqJobs(redis, "s", seed: 19));
        jobs.Start();
        var whole = RestartsUnderLoad.Run(port, Restarts, () =>
        {
            Assert.Equal(0, systemd.Systemctl("restart", $"{name}.target").ExitCode);
            WaitActive(systemd, [$"{name}.service", .. workers]);
            Thread.Sleep(1500);
        }, "systemd: puma + 2 sidekiq, `systemctl restart NAME.target`", "whole app", output);
        var alone = RestartsUnderLoad.Run(port, Restarts, () =>
        {
            Assert.Equal(0, systemd.Systemctl(["restart", .. workers]).ExitCode);
            Thread.Sleep(1500);
        }, "systemd: `systemctl restart NAME-worker@1 @2`", "workers alone", output);
        var tally = jobs.StopAndDrain();
        Report("systemd: 3 whole-app + 3 worker restarts (SIGTERM, TimeoutStopSec = 5 + 10 s)", tally, whole, alone);

        RestartsUnderLoad.AssertNoFailures(whole);
        RestartsUnderLoad.AssertNoFailures(alone);
        Assert.True(tally.Enqueued > 50, $"only {tally.Enqueued} jobs: the producer did not run");
        Assert.True(tally.Lost == 0, $"{tally}\n{systemd.Journal(workers[0])}");
        Assert.Equal("0", systemd.Property(workers[0], "NRestarts"));

        // At least once: with sidekiq's own timeout cut to 1 s (a drop-in ExecStart with -t 1) jobs
        // still running are pushed back to Redis and run again from the start — counted, none lost.
        var dropIn = $"/run/systemd/system/{name}-worker@.service.d";
        Assert.Equal(0, systemd.Run("mkdir", "-p", dropIn).ExitCode);
        Assert.Equal(0, systemd.Run("sh", "-c", $"printf '[Service]\\nExecStart=\\nExecStart=/usr/bin/sidekiq -C {dir}/sidekiq.yml -t 1\\n' > {dropIn}/short-timeout.conf").ExitCode);
        Assert.Equal(0, systemd.Systemctl("daemon-reload").ExitCode);
        var pushedBack = Own(new SidekiqJobs(redis, "p", seed: 191));
        pushedBack.Start();
        Thread.Sleep(2000);
        var shortStops = Enumerable.Range(0, 2).Select(_ => Timed(() =>
        {
            Assert.Equal(0, systemd.Systemctl(["restart", .. workers]).ExitCode);
            Thread.Sleep(1500);
        })).ToArray();
        var requeued = pushedBack.StopAndDrain();
        Report("systemd: 2 worker restarts with sidekiq -t 1 (push-back after 1 s)", requeued, shortStops);
        Assert.True(requeued.Lost == 0, $"{requeued}\n{systemd.Journal(workers[0])}");
        Assert.Equal(0, systemd.Run("rm", $"{dropIn}/short-timeout.conf").ExitCode);

        // Negative control: the same units, told to stop with SIGKILL (a drop-in), lose the jobs in flight.
        Assert.Equal(0, systemd.Run("sh", "-c", $"printf '[Service]\\nKillSignal=SIGKILL\\n' > {dropIn}/negative-control.conf").ExitCode);
        Assert.Equal(0, systemd.Systemctl("daemon-reload").ExitCode);
        var killed = Own(new SidekiqJobs(redis, "k", seed: 1919));
        killed.Start();
        Thread.Sleep(2000);
        var negative = Timed(() =>
        {
            Assert.Equal(0, systemd.Systemctl(["restart", .. workers]).ExitCode);
            Thread.Sleep(1500);
        });
        var lost = killed.StopAndDrain();
        Report("NEGATIVE CONTROL systemd: the same workers with KillSignal=SIGKILL", lost, negative);
        Assert.True(lost.Lost > 0, $"SIGKILL must lose the jobs in flight; if not, the test proves nothing: {lost}");
    }

    [Fact]
    public void Under_runsv_restarts_of_the_whole_app_and_of_the_workers_lose_no_job_and_no_request()
    {
        // runsv inside an isolated namespace too: it sees the staging tree's /etc/sv, as runsvdir would on the host.
        var systemd = Own(new IsolatedSystemd());
        var (name, port, dir) = Prepare(systemd, "restart: hot\n", string.Empty, supervisor: "supervisor: runit\nrunit:\n  logDir: {dir}/log\n");
        var web = Own(new Runsv(systemd, $"/etc/sv/{name}"));
        var workers = Enumerable.Range(1, 2).Select(n => Own(new Runsv(systemd, $"/etc/sv/{name}-worker-{n}"))).ToArray();
        RestartsUnderLoad.WaitForHttp(port, web.Log);
        WaitForSidekiq(workers);

        var jobs = Own(new SidekiqJobs(redis, "r", seed: 19));
        jobs.Start();
        var whole = RestartsUnderLoad.Run(port, Restarts, () =>
        {
            // runit has no target: the web server's own zero-downtime restart (`sv 2`, puma USR2),
            // then the workers stopped gracefully (TERM) and started again.
            web.Sv("2");
            foreach (var worker in workers)
            {
                worker.Sv("-w", "30", "restart");
            }

            WaitForSidekiq(workers);
            Thread.Sleep(1500);
        }, "runit: puma `sv 2` + 2 sidekiq `sv restart`", "whole app", output);
        var alone = RestartsUnderLoad.Run(port, Restarts, () =>
        {
            foreach (var worker in workers)
            {
                worker.Sv("-w", "30", "restart");
            }

            WaitForSidekiq(workers);
            Thread.Sleep(1500);
        }, "runit: 2 sidekiq `sv restart`", "workers alone", output);
        var tally = jobs.StopAndDrain();
        Report("runsv: 3 whole-app + 3 worker restarts (sv restart: TERM, sidekiq -t 5)", tally, whole, alone);

        RestartsUnderLoad.AssertNoFailures(whole);
        RestartsUnderLoad.AssertNoFailures(alone);
        Assert.True(tally.Enqueued > 50, $"only {tally.Enqueued} jobs: the producer did not run");
        Assert.True(tally.Lost == 0, $"{tally}\n{workers[0].Log()}");

        // Negative control: `sv -w 1 force-restart` sends KILL when the worker has not stopped after 1 s.
        var killed = Own(new SidekiqJobs(redis, "q", seed: 1919, shortestMs: 1200));
        killed.Start();
        Thread.Sleep(2000);
        // Three times, with jobs of 1.2–2 s: a KILL 1 s after TERM loses the jobs with more than 1 s left.
        var negative = Enumerable.Range(0, Restarts).Select(_ => Timed(() =>
        {
            foreach (var worker in workers)
            {
                worker.SvAllowingFailure("-w", "1", "force-restart");
            }

            WaitForSidekiq(workers);
            Thread.Sleep(1500);
        })).ToArray();
        var lost = killed.StopAndDrain();
        Report("NEGATIVE CONTROL runsv: 3 × `sv -w 1 force-restart` (KILL after 1 s)", lost, negative);
        Assert.True(lost.Lost > 0, $"a KILL after 1 s must lose the jobs in flight; if not, the test proves nothing: {lost}");
    }

    private T Own<T>(T item)
        where T : IDisposable
    {
        owned.Add(item);
        return item;
    }

    /// <summary>
    /// Writes the app (config.ru, worker.rb, sidekiq.yml) and deploys it from one model as on a host: `unitgen install
    /// --root` into the staging tree the namespace sees, then the host commands install prints (for systemd:
    /// daemon-reload and enable, the workers by their instances). <c>{dir}</c> in <paramref name="supervisor"/> is the app's folder.
    /// </summary>
    private (string Name, int Port, string Dir) Prepare(IsolatedSystemd systemd, string web, string workerExtra, string? supervisor)
    {
        // A bundled app: UnitGen's default web command is `bundle exec puma` (issue 15).
        var app = E2eApp.Create(systemd.WorkFolder, "job", binstubs: false, "sidekiq", "redis");
        var dir = app.Folder;
        File.WriteAllText(Path.Combine(dir, "config.ru"), "run ->(env) { [200, { \"content-type\" => \"text/plain\" }, [\"ok\"]] }\n");
        File.WriteAllText(Path.Combine(dir, "worker.rb"), SidekiqJobs.WorkerRuby);
        File.WriteAllText(Path.Combine(dir, "sidekiq.yml"), $":concurrency: 5\n:require: {dir}/worker.rb\n");
        var model = app.WriteModel($"""
            server:
              type: puma
              version: "5.6.5"
              workers: 0
              threads: {"{"} min: 2, max: 8 {"}"}
              rackup: config.ru
            listen:
              - tcp://127.0.0.1:{app.Port}
            processes:
              worker:
                type: sidekiq
                version: "6.4.1"
                config: {dir}/sidekiq.yml
                instances: 2
                stopTimeout: {StopTimeout}

            """ + workerExtra + web + (supervisor ?? string.Empty).Replace("{dir}", dir, StringComparison.Ordinal),
            environment: $"  REDIS_URL: {redis.Url}\n", group: true);
        systemd.InstallModel(model);
        return (app.Name, app.Port, dir);
    }

    private static void WaitActive(IsolatedSystemd systemd, string[] units)
    {
        var clock = Stopwatch.StartNew();
        while (units.Any(u => systemd.Property(u, "ActiveState") != "active"))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), string.Join('\n', units.Select(u => $"{u}: {systemd.Property(u, "ActiveState")}\n{systemd.Journal(u)}")));
            Thread.Sleep(200);
        }
    }

    /// <summary>Waits until runsv runs every worker and sidekiq's heartbeat has registered as many processes in Redis.</summary>
    private void WaitForSidekiq(Runsv[] workers)
    {
        var clock = Stopwatch.StartNew();
        while (workers.Any(w => !w.Status().StartsWith("run:", StringComparison.Ordinal)) || (long)redis.Command("SCARD", "processes")! < workers.Length)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), string.Join('\n', workers.Select(w => w.Status() + "\n" + w.Log())));
            Thread.Sleep(200);
        }
    }

    private static double Timed(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    private void Report(string scenario, SidekiqJobs.Tally tally, params object[] restarts)
    {
        var times = string.Join("; ", restarts.Select(r => r switch
        {
            RestartsUnderLoad.Result result => string.Join(", ", result.CommandSeconds.Select(s => s.ToString("F1", CultureInfo.InvariantCulture) + " s")),
            double seconds => seconds.ToString("F1", CultureInfo.InvariantCulture) + " s",
            double[] seconds => string.Join(", ", seconds.Select(x => x.ToString("F1", CultureInfo.InvariantCulture) + " s")),
            _ => "?",
        }));
        var line = $"- {scenario}: {tally}; each restart until all were up again, plus a 1.5 s pause: {times}";
        output.WriteLine(line);
        RestartsUnderLoad.Note(line);
    }

    /// <summary>One runsv for one service folder (/etc/sv/NAME in the namespace), started and stopped by this test.</summary>
    private sealed class Runsv : IDisposable
    {
        private readonly IsolatedSystemd systemd;
        private readonly Process runsv;

        public Runsv(IsolatedSystemd systemd, string serviceDir)
        {
            this.systemd = systemd;
            ServiceDir = serviceDir;
            runsv = systemd.Start(ExternalTool.Require("runsv"), serviceDir);
        }

        public string ServiceDir { get; }

        public string Status() => systemd.Run("sv", "status", ServiceDir).Output.Trim();

        public string Log()
        {
            var script = File.ReadAllText(systemd.StagingRoot + ServiceDir + "/log/run");
            var dir = script.Split('\n').Last(l => l.StartsWith("exec ", StringComparison.Ordinal)).Split(' ')[^1].Trim('\'');
            var current = Path.Combine(dir, "current");
            return File.Exists(current) ? File.ReadAllText(current) : "(no log yet)";
        }

        public void Sv(params string[] args) => Run(args, allowFailure: false);

        /// <summary>For the negative control: `sv -w 1 force-restart` exits 1 when it had to KILL.</summary>
        public void SvAllowingFailure(params string[] args) => Run(args, allowFailure: true);

        public void Dispose()
        {
            systemd.Run("sv", "-w", "15", "exit", ServiceDir);
            if (!runsv.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                runsv.Kill(entireProcessTree: true);
            }

            runsv.Dispose();
        }

        private void Run(string[] args, bool allowFailure)
        {
            var sv = systemd.Run(["sv", .. args, ServiceDir]);
            Assert.True(allowFailure || sv.ExitCode == 0, sv.Output + "\n" + Log());
        }
    }
}
