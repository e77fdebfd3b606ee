using System.Text.RegularExpressions;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.UnitHygiene;

internal sealed partial class UG0721NotAUnitName : Rule
{
    public override string Code => "UG0721";

    public override Severity Severity => Severity.Error;

    public override string Title => "An entry of `systemd.after`/`wants` that is not one unit name: systemd splits it at blanks or refuses it.";

    public override string Fix => "Write one unit name per entry, with its type: `postgresql.service`, `network-online.target`; escape other characters with `systemd-escape`.";

    public override string Explanation =>
        "After= and Wants= are blank-separated lists of unit names (systemd.unit(5)): `my db.service` is the two units " +
        "`my` and `db.service`, and a name with other characters than ASCII letters, digits, `:-_.\\` and one `@`, or " +
        "without a unit type suffix, is refused (src/basic/unit-name.c `unit_name_is_valid`, at most 255 characters). " +
        "`%` would be read as a specifier. Other characters are written `\\xNN` (systemd-escape).";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        var entries = model.Systemd.After.Select((v, i) => ($"systemd.after[{i}]", v))
            .Concat(model.Systemd.Wants.Select((v, i) => ($"systemd.wants[{i}]", v)));
        foreach (var (path, name) in entries)
        {
            if (!IsUnitName(name))
            {
                yield return new Finding(path, $"`{name}` is not a unit name systemd accepts (letters, digits, `:-_.\\`, one `@`, and a type such as `.service`).");
            }
        }
    }

    public static bool IsUnitName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var at = name.IndexOf('@', StringComparison.Ordinal);
        return name.Length <= 255 && UnitName().IsMatch(name)
            && (at < 0 || (at > 0 && name.IndexOf('@', at + 1) < 0 && name[at + 1] != '.'));
    }

    [GeneratedRegex(@"^(?:[A-Za-z0-9:_.@-]|\\x[0-9a-f]{2})+\.(?:service|socket|target|device|mount|automount|swap|timer|path|slice|scope)\z")]
    private static partial Regex UnitName();
}
