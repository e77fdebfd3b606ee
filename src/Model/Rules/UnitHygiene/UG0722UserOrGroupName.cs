using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.UnitHygiene;

internal sealed class UG0722UserOrGroupName : Rule
{
    public override string Code => "UG0722";

    public override Severity Severity => Severity.Error;

    public override string Title => "A user or group name that systemd and chpst do not read as one plain name: it is refused, warned about, or split.";

    public override string Fix => "Use a portable name: a letter or `_`, then letters, digits, `_` or `-`, at most 31 characters; or a numeric ID without leading zeros.";

    public override string Explanation =>
        "systemd 252 checks User=, Group= and SocketGroup= with `valid_user_group_name` (src/basic/user-util.c): names " +
        "outside `[A-Za-z_][A-Za-z0-9_-]*` (at most 31 characters) are refused or accepted with the warning \"does not " +
        "match strict user/group name rules\" (seen with `systemd-analyze verify`); a leading `-` or a `:` breaks " +
        "`chpst -u USER:GROUP` in the runit run script. Numeric IDs are accepted without leading zeros (`00` is uid 0 to some parsers and no user to others).";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        var names = new List<(string Path, string? Value)> { ("user", model.User), ("group", model.Group) };
        names.AddRange(model.Listen.Select((l, i) => ($"listen[{i}].group", l.Group)));
        foreach (var (path, name) in names)
        {
            if (name is { Length: > 0 } && !AccountName.IsValid(name))
            {
                yield return new Finding(path, $"`{name}` is not a user or group name systemd accepts as it is.");
            }
        }
    }
}
