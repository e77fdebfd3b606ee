using System.Globalization;
using System.Text.RegularExpressions;

namespace UnitGen.Model.Loading;

/// <summary>
/// A user or group as systemd (User=, Group=, SocketGroup=) and runit (<c>chpst -u</c>) take it:
/// a name in systemd's strict form, or a numeric id without leading zeros.
/// </summary>
public static partial class AccountName
{
    /// <summary>The highest id systemd accepts; 4294967295 is (uid_t)-1, "no id".</summary>
    private const long MaxId = 4294967294;

    /// <summary>
    /// An empty value would be worst: <c>User=</c> with nothing after it resets the setting, and the
    /// service runs as root. Leading zeros (<c>00</c>), spaces and signs are refused so that one
    /// account has one spelling, and <see cref="IsRoot"/> cannot be dodged.
    /// </summary>
    public static bool IsValid(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var match = Pattern().Match(value);
        return match.Success
            && (!match.Groups["id"].Success || long.Parse(value, CultureInfo.InvariantCulture) <= MaxId);
    }

    /// <summary>The superuser or its group, by name or by id (both are called root, both are 0).</summary>
    public static bool IsRoot(string? value) => value is "root" or "0";

    [GeneratedRegex("^(?:[A-Za-z_][A-Za-z0-9_-]{0,31}|(?<id>0|[1-9][0-9]{0,9}))$")]
    private static partial Regex Pattern();
}
