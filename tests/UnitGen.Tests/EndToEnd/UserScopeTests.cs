using System.Globalization;
using UnitGen.Model;
using UnitGen.Tests.Cli;
using UnitGen.Tests.Support;
using Xunit.Abstractions;

namespace UnitGen.Tests.EndToEnd;

/// <summary>One isolated systemd 252 with one throwaway lingering user, shared by the tests of <see cref="UserScopeTests"/>.</summary>
public sealed class UserScopeFixture : IDisposable
{
    public ThrowawayUserManager User { get; } = new();

    public void Dispose() => User.Dispose();
}

/// <summary>
/// `systemd.scope: user`, proven in a real per-user manager: a socket-activated puma 5.6.5 app (BundledApp) is
/// installed by the real `unitgen install` into the user's home, enabled in the user's manager, brought up by
/// that manager's own start (default.target, as at boot for a lingering user), checked for the sandbox each
/// profile claims, and restarted under bounded loopback load: 0 failed requests. Negative controls in the same
/// manager show the facts the user-scope rules rest on.
/// </summary>
[Trait(Category.Name, Category.EndToEnd)]
public sealed class UserScopeTests(UserScopeFixture fixture, ITestOutputHelper output) : IClassFixture<UserScopeFixture>
{
    private const int Restarts = 3;

    private ThrowawayUserManager User => fixture.User;

    [Theory]
    [InlineData(HardeningProfile.Default)]
    [InlineData(HardeningProfile.Strict)]
    [InlineData(HardeningProfile.None)]
    public void A_user_service_installed_by_unitgen_starts_with_its_manager_and_restarts_without_losing_a_request(HardeningProfile hardening)
    {
        var profile = hardening.ToString().ToLowerInvariant();
        var name = "us" + profile + Guid.NewGuid().ToString("N")[..4];
        var port = RestartsUnderLoad.FreePort();
        var model = WriteApp(name, port, profile);

        var install = User.Systemd.Run(CliProcess.Binary, "install", model);

        Assert.True(install.ExitCode == 0, install.Output);
        Assert.Contains($"systemctl --user enable {name}.service {name}.socket   (as {User.Name})", install.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("lingering is off", install.Stdout, StringComparison.Ordinal);
        Assert.Contains($"restart with: systemctl --user restart {name}.service", install.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(User.HomeOnHost, ".config", "systemd", "user", name + ".service")));

        // Enabled into default.target: the manager's own start brings the app up, as it does at boot.
        User.RestartManager();
        RestartsUnderLoad.WaitForHttp(port, () => User.Journal(name + ".service"));
        Assert.Equal("active", User.Property(name + ".service", "ActiveState"));
        AssertSandbox(name, hardening);

        var result = RestartsUnderLoad.Run(port, Restarts, () => Restart(name), "user scope: systemctl --user restart", $"{profile} (user manager)", output);

        RestartsUnderLoad.AssertNoFailures(result);
    }

    /// <summary>
    /// UG0740's fact: a user manager binds its sockets without privilege, so a port below
    /// net.ipv4.ip_unprivileged_port_start (1024 here, the kernel default) fails; its twin on 1080 listens.
    /// </summary>
    [Fact]
    public void Negative_control_a_port_below_1024_does_not_bind_in_a_user_manager()
    {
        Assert.Equal("1024", File.ReadAllText("/proc/sys/net/ipv4/ip_unprivileged_port_start").Trim());
        var low = Guid.NewGuid().ToString("N")[..6];
        WriteUnit($"low{low}.socket", "[Socket]\nListenStream=127.0.0.1:81\n");
        WriteUnit($"low{low}.service", "[Service]\nExecStart=/bin/sleep 60\n");
        WriteUnit($"high{low}.socket", $"[Socket]\nListenStream=127.0.0.1:{RestartsUnderLoad.FreePort()}\n");
        WriteUnit($"high{low}.service", "[Service]\nExecStart=/bin/sleep 60\n");
        Assert.Equal(0, User.Systemctl("daemon-reload").ExitCode);

        var refused = User.Systemctl("start", $"low{low}.socket");
        var accepted = User.Systemctl("start", $"high{low}.socket");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("Permission denied", User.ManagerSaid($"low{low}.socket", "Permission denied"), StringComparison.Ordinal);
        Assert.True(accepted.ExitCode == 0, accepted.Output);
    }

    /// <summary>
    /// Lint's finding on `WantedBy=multi-user.target` in a user unit: `systemctl --user enable` accepts it, but the
    /// user manager never starts multi-user.target, so the unit stays down after the manager starts; its twin with
    /// WantedBy=default.target comes up.
    /// </summary>
    [Fact]
    public void Negative_control_a_user_unit_wanted_by_multi_user_target_never_starts()
    {
        var id = Guid.NewGuid().ToString("N")[..6];
        WriteUnit($"multi{id}.service", "[Service]\nExecStart=/bin/sleep 600\n\n[Install]\nWantedBy=multi-user.target\n");
        WriteUnit($"dflt{id}.service", "[Service]\nExecStart=/bin/sleep 600\n\n[Install]\nWantedBy=default.target\n");
        Assert.Equal(0, User.Systemctl("daemon-reload").ExitCode);
        var enable = User.Systemctl("enable", $"multi{id}.service", $"dflt{id}.service");
        Assert.True(enable.ExitCode == 0, enable.Output);

        User.RestartManager();

        Assert.Equal("active", User.Property($"dflt{id}.service", "ActiveState"));
        Assert.Equal("inactive", User.Property($"multi{id}.service", "ActiveState"));
        Assert.Equal("inactive", User.Property("multi-user.target", "ActiveState"));
    }

    /// <summary>
    /// What the profile claims, read off the running server: default and strict run in a user namespace of their
    /// own (PrivateUsers=) with a read-only root, a private /tmp, seccomp, no new privileges and an empty bounding
    /// set; strict adds a private IPC namespace; none shares everything with the manager.
    /// </summary>
    private void AssertSandbox(string name, HardeningProfile hardening)
    {
        var pid = User.Property(name + ".service", "MainPID");
        var manager = User.Systemd.Property(User.ManagerUnit, "MainPID");
        string Ns(string p, string kind) => User.Systemd.Run("readlink", $"/proc/{p}/ns/{kind}").Stdout.Trim();
        var status = User.Systemd.Run("cat", $"/proc/{pid}/status").Stdout;
        var mounts = User.Systemd.Run("cat", $"/proc/{pid}/mountinfo").Stdout.Split('\n').Select(l => l.Split(' ')).Where(f => f.Length > 5).ToList();
        var rootReadOnly = mounts.Any(f => f[4] == "/" && f[5].Split(',').Contains("ro"));
        var privateTmp = mounts.Any(f => f[4] == "/tmp");
        output.WriteLine($"{hardening}: user ns {Ns(pid, "user")} (manager {Ns(manager, "user")}), mnt {Ns(pid, "mnt")}, ipc {Ns(pid, "ipc")} (manager {Ns(manager, "ipc")}), / read-only {rootReadOnly}");
        if (hardening == HardeningProfile.None)
        {
            Assert.Equal(Ns(manager, "user"), Ns(pid, "user"));
            Assert.Equal(Ns(manager, "mnt"), Ns(pid, "mnt"));
            Assert.False(rootReadOnly);
            return;
        }

        Assert.NotEqual(Ns(manager, "user"), Ns(pid, "user"));
        Assert.NotEqual(Ns(manager, "mnt"), Ns(pid, "mnt"));
        Assert.NotEqual(Ns(manager, "uts"), Ns(pid, "uts"));
        Assert.True(rootReadOnly, "ProtectSystem=strict: / must be read-only for the server");
        Assert.True(privateTmp, "PrivateTmp=yes: the server must see its own /tmp");
        Assert.Contains("NoNewPrivs:\t1", status, StringComparison.Ordinal);
        Assert.Contains("Seccomp:\t2", status, StringComparison.Ordinal);
        Assert.Contains("CapBnd:\t0000000000000000", status, StringComparison.Ordinal);
        Assert.Equal(hardening == HardeningProfile.Strict, Ns(manager, "ipc") != Ns(pid, "ipc"));
    }

    /// <summary>`systemctl --user restart`, paced like a deploy (the start limit counts restarts: 5 in 10 s).</summary>
    private void Restart(string name)
    {
        var restart = User.Systemctl("restart", name + ".service");
        Assert.True(restart.ExitCode == 0, restart.Output + User.Journal(name + ".service"));
        Thread.Sleep(TimeSpan.FromSeconds(2.2));
    }

    /// <summary>The app under the user's home, with its model: no envFile (it goes under ~/.config), no group.</summary>
    private string WriteApp(string name, int port, string profile)
    {
        var dir = Path.Combine(User.HomeOnHost, "apps", name);
        BundledApp.Write(dir);
        var app = $"{User.Home}/apps/{name}";
        File.WriteAllText(Path.Combine(dir, "unitgen.yaml"), $$"""
            name: {{name}}
            user: {{User.Name}}
            directory: {{app}}
            environment:
              RACK_ENV: production
            server:
              type: puma
              version: "5.6.5"
              workers: 2
              preload: false
              threads: { min: 2, max: 8 }
              rackup: config.ru
              config: {{app}}/puma.rb
            listen:
              - tcp://127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}}
            restart: normal
            systemd:
              scope: user
              hardening: {{profile}}

            """);
        var chown = User.Systemd.Run("chown", "-R", $"{User.Name}:{User.Name}", app);
        Assert.True(chown.ExitCode == 0, chown.Output);
        return $"{app}/unitgen.yaml";
    }

    private void WriteUnit(string unit, string text)
    {
        var dir = Path.Combine(User.HomeOnHost, ".config", "systemd", "user");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, unit), text);
        var chown = User.Systemd.Run("chown", "-R", $"{User.Name}:{User.Name}", $"{User.Home}/.config");
        Assert.True(chown.ExitCode == 0, chown.Output);
    }
}
