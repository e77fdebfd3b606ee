using System.Diagnostics;
using System.Globalization;

namespace UnitGen.Cli.Commands;

/// <summary>
/// The account of a user-scope model (<c>systemd.scope: user</c>): where its home is, which ids own the files
/// <c>install</c> puts there, and the runtime folder its service manager listens in.
/// </summary>
internal sealed record UserAccount(string Name, int Uid, int Gid, string Home)
{
    /// <summary>
    /// The passwd entry of <paramref name="name"/> (a name or a uid): from <c>ROOT/etc/passwd</c> when installing under
    /// <paramref name="root"/>, else from the host's user database (<c>getent passwd</c>, so NSS sources count).
    /// </summary>
    public static UserAccount? Find(string name, string? root)
    {
        if (root is not null)
        {
            var passwd = Path.Combine(root, "etc", "passwd");
            return File.Exists(passwd) ? File.ReadLines(passwd).Select(Parse).FirstOrDefault(a => a?.Matches(name) == true) : null;
        }

        var getent = Run("getent", ["passwd", name]);
        return getent is { ExitCode: 0 } ? Parse(getent.Stdout.Trim()) : null;
    }

    /// <summary>The user's manager takes `systemctl --user` on this socket (systemd 252 src/core/manager.c: $XDG_RUNTIME_DIR/systemd/private).</summary>
    public string RuntimeDir => $"/run/user/{Uid.ToString(CultureInfo.InvariantCulture)}";

    public bool ManagerRunning => File.Exists($"{RuntimeDir}/systemd/private");

    /// <summary>The effective uid of this process (/proc/self/status, `Uid:` real effective saved fs).</summary>
    public static int EffectiveUid()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Whether logind keeps this user's manager running without a login session (lingering). `loginctl show-user`
    /// answers only for a user logind knows (logged in or lingering); otherwise the linger flag file decides
    /// (systemd 252 src/login/logind-user.c: /var/lib/systemd/linger/USER).
    /// </summary>
    public bool Lingers()
    {
        var show = Run("loginctl", ["show-user", Name, "-p", "Linger"]);
        if (show is { ExitCode: 0 })
        {
            return show.Stdout.Trim() == "Linger=yes";
        }

        return File.Exists($"/var/lib/systemd/linger/{Name}");
    }

    /// <summary>
    /// `systemctl --user ARGS` against this user's manager: directly when this process is that user, through
    /// `runuser` when it is root (a user manager accepts only its own user on its private socket).
    /// </summary>
    public ProcessRun? Systemctl(IReadOnlyList<string> args)
    {
        string[] systemctl = ["systemctl", "--user", .. args];
        return EffectiveUid() == Uid
            ? Run("env", [$"XDG_RUNTIME_DIR={RuntimeDir}", .. systemctl])
            : Run("runuser", ["-u", Name, "--", "env", $"XDG_RUNTIME_DIR={RuntimeDir}", .. systemctl]);
    }

    /// <summary>Hands <paramref name="paths"/> to the user (`chown -h UID:GID`): the user manager must read them, the user change them.</summary>
    public ProcessRun? Own(IReadOnlyList<string> paths) =>
        Run("chown", ["-h", $"{Uid.ToString(CultureInfo.InvariantCulture)}:{Gid.ToString(CultureInfo.InvariantCulture)}", "--", .. paths]);

    private bool Matches(string name) => Name == name || Uid.ToString(CultureInfo.InvariantCulture) == name;

    /// <summary>passwd(5): name:password:UID:GID:GECOS:directory:shell.</summary>
    private static UserAccount? Parse(string line)
    {
        var f = line.Split(':');
        return f.Length >= 7 && int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
            && int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var gid) && f[5].StartsWith('/')
            ? new UserAccount(f[0], uid, gid, f[5])
            : null;
    }

    internal sealed record ProcessRun(int ExitCode, string Stdout, string Stderr);

    private static ProcessRun? Run(string program, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new ProcessRun(process.ExitCode, stdout, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
