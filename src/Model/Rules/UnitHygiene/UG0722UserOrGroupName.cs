using System.Globalization;
using System.Text.RegularExpressions;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.UnitHygiene;

public sealed partial class UG0722UserOrGroupName : Rule
{
    public override string Code => "UG0722";

    public override Severity Severity => Severity.Error;

    public override string Title => "A user or group name that systemd and chpst do not read as one plain name: it is refused, warned about, or split.";

    public override string Fix => "Use a portable name: a letter or `_`, then letters, digits, `_` or `-`, at most 31 characters; or a numeric ID.";

    public override string Explanation =>
        "systemd 252 checks User=, Group= and SocketGroup= with `valid_user_group_name` (src/basic/user-util.c): names " +
        "outside `[A-Za-z_][A-Za-z0-9_-]*` (at most 31 characters) are refused or accepted with the warning \"does not " +
        "match strict user/group name rules\" (seen with `systemd-analyze verify`); a leading `-` or a `:` breaks " +
        "`chpst -u USER:GROUP` in the runit run script. Numeric IDs are accepted as they are.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        var names = new List<(string Path, string? Value)> { ("user", model.User), ("group", model.Group) };
        names.AddRange(model.Listen.Select((l, i) => ($"listen[{i}].group", l.Group)));
        foreach (var (path, name) in names)
        {
            if (name is not null && !IsName(name))
            {
                yield return new Finding(path, $"`{name}` is not a user or group name systemd accepts as it is.");
            }
        }
    }

    public static bool IsName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return PortableName().IsMatch(name)
            // systemd parses an ID without leading zeros: `0660` is "Invalid user/group name or numeric ID".
            || (name.Length is > 0 and <= 10 && name.All(char.IsAsciiDigit) && (name == "0" || name[0] != '0')
                && ulong.Parse(name, CultureInfo.InvariantCulture) is var id && id < uint.MaxValue && id != 65535);
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_-]{0,30}\z")]
    private static partial Regex PortableName();
}
