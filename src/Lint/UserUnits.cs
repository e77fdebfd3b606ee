using UnitGen.Model.Facts;

namespace UnitGen.Lint;

/// <summary>
/// Units of a user's own service manager (<c>systemctl --user</c>) among hand-written files: they run as that user
/// without User=, and start from default.target, not multi-user.target (systemd.special(7), "Units managed by the
/// user service manager").
/// </summary>
internal static class UserUnits
{
    /// <summary>
    /// A unit in a user unit folder (<c>~/.config/systemd/user</c>, <c>/etc/systemd/user</c>, <c>/usr/lib/systemd/user</c>:
    /// systemd.unit(5), "User Unit Search Path"), or one wanted by default.target with no User= — as capistrano3-puma's
    /// and tomo's user templates are: a system service names its account and multi-user.target.
    /// </summary>
    public static bool IsUserUnit(LintFile unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return InUserFolder(unit.Path)
            || (unit.Unit.All("Install", "WantedBy").Any(e => Targets(e.Value).Contains(ServiceManagerFacts.UserBootTarget))
                && unit.Unit.Last("Service", "User") is null);
    }

    public static bool InUserFolder(string path) => path.Replace('\\', '/').Contains("/systemd/user/", StringComparison.Ordinal);

    /// <summary>
    /// The account whose manager runs the unit, when the files say it: the home folder the unit is installed in
    /// (<c>/home/NAME/.config/systemd/user/</c>), else the home its WorkingDirectory= is in. Null when neither says.
    /// </summary>
    public static string? AccountOf(LintFile unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return HomeOwner(unit.Path.Replace('\\', '/'), requireUnitFolder: true)
            ?? (unit.Unit.Last("Service", "WorkingDirectory")?.Value.TrimStart('-') is { } dir ? HomeOwner(dir, requireUnitFolder: false) : null);
    }

    public static IEnumerable<string> Targets(string value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string? HomeOwner(string path, bool requireUnitFolder)
    {
        var at = path.IndexOf("/home/", StringComparison.Ordinal);
        if (at < 0 || (requireUnitFolder && !path.Contains("/" + ServiceManagerFacts.UserUnitFolder + "/", StringComparison.Ordinal)))
        {
            return null;
        }

        var rest = path[(at + "/home/".Length)..];
        var name = rest.Split('/')[0];
        return name.Length > 0 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_') ? name : null;
    }
}
