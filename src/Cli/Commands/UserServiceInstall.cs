namespace UnitGen.Cli.Commands;

/// <summary>
/// The end of <c>unitgen install</c> for a user-scope model on a live host: the files go to their user, the
/// user's own manager reloads and enables the units, and the user is told when lingering is off — without it the
/// manager (and the app) starts only at login and stops at logout (loginctl(1), enable-linger).
/// </summary>
internal static class UserServiceInstall
{
    public static bool Activate(UserAccount account, IReadOnlyList<string> installed, IReadOnlyList<string> units, TextWriter stdout, TextWriter stderr)
    {
        var self = UserAccount.EffectiveUid();
        if (self != 0 && self != account.Uid)
        {
            stderr.WriteLine($"unitgen: error: a user service of {account.Name} is installed by {account.Name} or by root; the files are written, but {account.Name}'s manager was not told.");
            return false;
        }

        if (self == 0 && account.Uid != 0 && !GiveToUser(account, installed, stderr))
        {
            return false;
        }

        string[] enable = ["enable", .. units];
        if (units.Count > 0 && !account.ManagerRunning)
        {
            stdout.WriteLine($"{account.Name}'s service manager is not running ({account.RuntimeDir}/systemd/private is missing); once it runs, as {account.Name}: systemctl --user daemon-reload && systemctl --user {string.Join(' ', enable)}");
        }
        else if (units.Count > 0)
        {
            foreach (string[] args in new[] { ["daemon-reload"], enable })
            {
                stdout.WriteLine($"systemctl --user {string.Join(' ', args)}   (as {account.Name})");
                var run = account.Systemctl(args);
                if (run is not { ExitCode: 0 })
                {
                    stderr.WriteLine($"unitgen: error: `systemctl --user {string.Join(' ', args)}` as {account.Name} failed ({run?.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not found"}): {run?.Stderr.Trim()}");
                    return false;
                }
            }
        }

        if (!account.Lingers())
        {
            stdout.WriteLine($"lingering is off for {account.Name}: its services start only at login and stop at logout. Enable it: loginctl enable-linger {account.Name}");
        }

        return true;
    }

    /// <summary>Every installed file under the home, and each folder install created between it and the home.</summary>
    private static bool GiveToUser(UserAccount account, IReadOnlyList<string> installed, TextWriter stderr)
    {
        var home = account.Home.TrimEnd('/') + "/";
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in installed.Where(f => f.StartsWith(home, StringComparison.Ordinal)))
        {
            paths.Add(file);
            for (var dir = Path.GetDirectoryName(file); dir is not null && dir.Length >= home.Length; dir = Path.GetDirectoryName(dir))
            {
                paths.Add(dir);
            }
        }

        if (paths.Count == 0)
        {
            return true;
        }

        var chown = account.Own([.. paths]);
        if (chown is not { ExitCode: 0 })
        {
            stderr.WriteLine($"unitgen: error: cannot hand the files to {account.Name} (chown): {chown?.Stderr.Trim()}");
            return false;
        }

        return true;
    }
}
