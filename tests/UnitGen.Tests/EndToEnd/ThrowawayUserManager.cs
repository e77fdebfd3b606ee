using System.Diagnostics;
using System.Globalization;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// A throwaway user with lingering on, and its own service manager (user@UID.service), inside an
/// <see cref="IsolatedSystemd"/> — the host's user database, /home and /var/lib/systemd stay untouched:
/// the user is added to copies of /etc/passwd, /etc/group and /etc/shadow bind-mounted over the originals in the
/// namespace only (its mounts are private), /home is a folder of <see cref="IsolatedSystemd.WorkFolder"/>, and
/// logind keeps its linger flag on a tmpfs over /var/lib/systemd. logind starts user@UID.service itself when
/// lingering is enabled, as it does at boot for every lingering user (systemd 252 src/login/logind.c
/// manager_startup → user_start for /var/lib/systemd/linger/*).
/// </summary>
public sealed class ThrowawayUserManager : IDisposable
{
    private bool disposed;

    public ThrowawayUserManager()
    {
        Systemd = new IsolatedSystemd();
        try
        {
            Uid = FreeUid();
            Name = "ug" + Uid.ToString(CultureInfo.InvariantCulture);
            HomeOnHost = Path.Combine(Systemd.WorkFolder, "home", Name);
            Directory.CreateDirectory(HomeOnHost);
            var setup = Systemd.Run("sh", "-c", $$"""
                set -e
                for db in passwd group shadow; do cp /etc/$db /run/unitgen-$db; done
                echo '{{Name}}:x:{{Uid}}:{{Uid}}:UnitGen user-scope test:/home/{{Name}}:/bin/sh' >> /run/unitgen-passwd
                echo '{{Name}}:x:{{Uid}}:' >> /run/unitgen-group
                echo '{{Name}}:!:19000::::::' >> /run/unitgen-shadow
                for db in passwd group shadow; do mount --bind /run/unitgen-$db /etc/$db; done
                mount --bind '{{Systemd.WorkFolder}}/home' /home
                chown {{Uid}}:{{Uid}} /home/{{Name}}
                mount -t tmpfs tmpfs /var/lib/systemd
                systemctl start dbus.socket systemd-logind.service
                loginctl enable-linger {{Name}}
                """);
            Assert.True(setup.ExitCode == 0, "user setup: " + setup.Output);
            WaitForManager();
        }
        catch
        {
            Systemd.Dispose();
            throw;
        }
    }

    public IsolatedSystemd Systemd { get; }

    public string Name { get; }

    public int Uid { get; }

    /// <summary>The home as the namespace (and the user) sees it.</summary>
    public string Home => $"/home/{Name}";

    /// <summary>The same folder as this test process sees it.</summary>
    public string HomeOnHost { get; }

    public string ManagerUnit => $"user@{Uid.ToString(CultureInfo.InvariantCulture)}.service";

    /// <summary>`systemctl --user ARGS` as the user, against its own manager.</summary>
    public ExternalTool.Result Systemctl(params string[] args) =>
        Systemd.Run(["runuser", "-u", Name, "--", "env", $"XDG_RUNTIME_DIR=/run/user/{Uid.ToString(CultureInfo.InvariantCulture)}", "systemctl", "--user", .. args]);

    public string Property(string unit, string property) => Systemctl("show", "-p", property, "--value", unit).Stdout.Trim();

    /// <summary>The log of one of the user's units, with what its manager said about it.</summary>
    public string Journal(string unit) => Systemd.Run("journalctl", "--user-unit", unit, "--no-pager", "-o", "cat").Stdout
        + Systemd.Run("journalctl", $"_SYSTEMD_USER_UNIT={unit}", "--no-pager", "-o", "cat").Stdout;

    /// <summary>
    /// The user manager's own lines about <paramref name="unit"/> (it logs as the user: _UID), waiting up to 5 s for
    /// one containing <paramref name="expected"/> to reach the journal.
    /// </summary>
    public string ManagerSaid(string unit, string expected)
    {
        var clock = Stopwatch.StartNew();
        string said;
        do
        {
            said = string.Join('\n', Systemd.Run("journalctl", $"_UID={Uid.ToString(CultureInfo.InvariantCulture)}", "--no-pager", "-o", "cat").Stdout
                .Split('\n').Where(l => l.Contains(unit, StringComparison.Ordinal)));
            if (said.Contains(expected, StringComparison.Ordinal))
            {
                break;
            }

            Thread.Sleep(200);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(5));

        return said;
    }

    /// <summary>Restarts the user's manager: it comes back up to default.target, as at boot for a lingering user.</summary>
    public void RestartManager()
    {
        var restart = Systemd.Systemctl("restart", ManagerUnit);
        Assert.True(restart.ExitCode == 0, restart.Output);
        WaitForManager();
    }

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            Systemd.Dispose();
        }
    }

    private void WaitForManager()
    {
        var clock = Stopwatch.StartNew();
        var state = string.Empty;
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            state = Systemctl("is-system-running").Stdout.Trim();
            if (state is "running" or "degraded")
            {
                return;
            }

            Thread.Sleep(100);
        }

        Assert.Fail($"{ManagerUnit} did not come up ({state}): {Systemd.Journal(ManagerUnit)}");
    }

    /// <summary>A uid the host does not use (the namespace adds it to its own copy of passwd only).</summary>
    private static int FreeUid()
    {
        var used = File.ReadLines("/etc/passwd").Select(l => l.Split(':')).Where(f => f.Length > 2).Select(f => f[2]).ToHashSet(StringComparer.Ordinal);
        var uid = 47000 + Random.Shared.Next(0, 2000);
        while (used.Contains(uid.ToString(CultureInfo.InvariantCulture)))
        {
            uid++;
        }

        return uid;
    }
}
