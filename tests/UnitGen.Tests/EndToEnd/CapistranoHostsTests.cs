using UnitGen.Emitters;
using UnitGen.Emitters.Output;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;
using Xunit.Abstractions;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// The multi-host rig on its own (issue 20): three isolated systemd "hosts" with their own /var/www
/// and sshd on 127.0.1.1–3, real `cap` deploying to them over SSH from a local git repository, and
/// haproxy balancing the hosts' puma unix sockets. Steady load through haproxy loses nothing; puma
/// stopped and started on every host at once (no held socket) loses requests, so the rig can fail.
/// </summary>
[Trait(Category.Name, Category.EndToEnd)]
public sealed class CapistranoHostsTests(ITestOutputHelper output) : IDisposable
{
    private const string SocketPath = CapistranoProject.DeployTo + "/shared/tmp/puma.sock";
    private readonly List<IDisposable> owned = [];

    public void Dispose()
    {
        foreach (var item in Enumerable.Reverse(owned))
        {
            item.Dispose();
        }
    }

    [Fact]
    public void Cap_deploys_to_three_isolated_hosts_over_ssh_and_haproxy_balances_their_sockets()
    {
        var project = Own(new CapistranoProject());
        var hosts = Boot(project);
        project.Configure(hosts, """
            task :probe do
              on roles(:all) do |host|
                info "probe #{host}: #{capture(:findmnt, "-no", "SOURCE", "/var/www")} #{capture(:systemctl, "is-system-running", raise_on_non_zero_exit: false)}"
              end
            end
            """);
        BundledApp.Write(project.Folder, binstubs: false);
        project.Write("config.ru", "run ->(env) { [200, { \"content-length\" => \"9\" }, [\"release 1\"]] }\n");
        var loaded = ModelLoader.Load($"""
            name: shop
            user: www-data
            group: www-data
            directory: {CapistranoProject.DeployTo}/current
            envFile: {CapistranoProject.DeployTo}/current/unitgen/env/shop.env
            server:
              type: puma
              version: "5.6.5"
              workers: 2
              preload: false
              rackup: config.ru
              config: {CapistranoProject.DeployTo}/current/unitgen/app/puma.rb
            listen:
              - unix://{SocketPath}
            restart: phased
            systemd:
              socketActivation: false

            """, "unitgen.yaml");
        Assert.True(loaded.Model is not null, string.Join('\n', loaded.Diagnostics));
        OutputWriter.Write(Path.Combine(project.Folder, "unitgen"), Generator.Emit(loaded.Model), checkOnly: false);
        project.Release("release 1");

        var probe = project.Cap("probe");
        Assert.True(probe.ExitCode == 0, probe.Output);
        foreach (var host in hosts)
        {
            // Each host is its own machine: its own /var/www, its own systemd.
            Assert.Contains($"probe {host.Address}: /dev/vda[{host.Systemd.WwwFolder}]", probe.Output.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        var deploy = project.Cap("deploy");
        Assert.True(deploy.ExitCode == 0, deploy.Output);
        output.WriteLine($"cap deploy to 3 hosts: {deploy.Seconds:F1} s");
        // The units are installed by hand here; CapistranoRollingRestartTests installs them with the generated tasks.
        foreach (var host in hosts)
        {
            var start = host.Systemd.Run("sh", "-c", $"install -d -o www-data -g www-data {CapistranoProject.DeployTo}/shared/tmp && cp {CapistranoProject.DeployTo}/current/unitgen/systemd/shop.service /etc/systemd/system/ && systemctl daemon-reload && systemctl start shop.service");
            Assert.True(start.ExitCode == 0, start.Output + host.Systemd.Journal("shop.service"));
        }

        var haproxy = Own(new Haproxy(Path.Combine(project.Root, "haproxy"), [.. hosts.Select(h => h.OutsidePath(SocketPath))]));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (hosts.Any(h => PlainHttp.GetUnix(h.OutsidePath(SocketPath)) != "release 1"))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), string.Join('\n', hosts.Select(h => h.Systemd.Journal("shop.service"))));
            Thread.Sleep(200);
        }

        Assert.Equal("release 1", PlainHttp.Get(haproxy.Port));
        var steady = RestartsUnderLoad.Run(haproxy.Port, 1, () => Thread.Sleep(3000), "3 hosts behind haproxy", "no restart", output, 400_000);
        var together = RestartsUnderLoad.Run(haproxy.Port, 1, () =>
        {
            foreach (var host in hosts)
            {
                Assert.Equal(0, host.Systemd.Systemctl("restart", "shop.service").ExitCode);
            }
        }, "NEGATIVE CONTROL 3 hosts behind haproxy", "systemctl restart on each, no held socket", output, 400_000);

        RestartsUnderLoad.AssertNoFailures(steady);
        Assert.True(together.FreshFailed > 0, "puma stopped on every host must lose requests through haproxy; if not, the rig proves nothing");
    }

    private T Own<T>(T item)
        where T : IDisposable
    {
        owned.Add(item);
        return item;
    }

    /// <summary>Boots the three hosts in parallel: each boot is mostly waiting on systemd and sshd.</summary>
    private SshHost[] Boot(CapistranoProject project)
    {
        var port = RestartsUnderLoad.FreePort();
        var booting = Enumerable.Range(1, 3).Select(i => Task.Run(() => new SshHost(i, port, project.PublicKeyFile))).ToArray();
        try
        {
            Task.WaitAll(booting);
        }
        finally
        {
            owned.AddRange(booting.Where(b => b.IsCompletedSuccessfully).Select(b => b.Result));
        }

        return [.. booting.Select(b => b.Result)];
    }
}
