using System.Globalization;
using System.Text.RegularExpressions;

namespace UnitGen.Model.Facts;

/// <summary>
/// A user or group as both systemd (User=, Group=, SocketGroup=) and runit (<c>chpst -u USER:GROUP</c>)
/// take it as written: a name in systemd's strict form, or a numeric id without leading zeros.
/// systemd 252 checks names with <c>valid_user_group_name</c> (src/basic/user-util.c): names outside
/// <c>[A-Za-z_][A-Za-z0-9_-]*</c> of at most 31 characters are refused or accepted only with the warning
/// "does not match strict user/group name rules"; a <c>:</c> or a leading <c>-</c> breaks chpst's argument.
/// </summary>
internal static partial class AccountName
{
    /// <summary>
    /// The highest id systemd accepts: 4294967295 is (uid_t)-1, "no id", and 65535 is (uint16_t)-1,
    /// which systemd also refuses (<c>uid_is_valid</c>).
    /// </summary>
    private const long MaxId = 4294967294;

    /// <summary>
    /// Leading zeros (<c>00</c>), blanks and signs are refused so that one account has one spelling and
    /// <see cref="IsRoot"/> cannot be dodged. An empty value is not a name (UG0720 says why it is dangerous).
    /// </summary>
    public static bool IsValid(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var match = Pattern().Match(value);
        return match.Success
            && (!match.Groups["id"].Success || long.Parse(value, CultureInfo.InvariantCulture) is <= MaxId and not 65535);
    }

    /// <summary>The superuser or its group, by name or by id (both are called root, both are 0).</summary>
    public static bool IsRoot(string? value) => value is "root" or "0";

    [GeneratedRegex(@"^(?:[A-Za-z_][A-Za-z0-9_-]{0,30}|(?<id>0|[1-9][0-9]{0,9}))\z")]
    private static partial Regex Pattern();
}
