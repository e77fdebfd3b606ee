using UnitGen.Model.Diagnostics;
using UnitGen.Model.Fields;

namespace UnitGen.Model.Rules.UnitHygiene;

internal sealed class UG0720BlanksSystemdStrips : Rule
{
    public override string Code => "UG0720";

    public override Severity Severity => Severity.Error;

    public override string Title => "An empty value, or one starting or ending with a space, for a unit setting that cannot be quoted: systemd strips the blanks or resets the setting.";

    public override string Fix => "Remove the spaces at either end of the value (spaces inside are kept), or leave the key out instead of writing it empty.";

    public override string Explanation =>
        "systemd's config parser strips blanks around every value (systemd.syntax(7); src/shared/conf-parser.c " +
        "`strstrip`), and settings such as Description=, User=, WorkingDirectory=, StandardOutput=, SocketMode= take " +
        "the rest of the line as is, without quotes. `description: \" App \"` would become `App`, and an empty " +
        "`User=` or `Group=` resets the setting: the service would run as root. UnitGen writes a value only when " +
        "systemd reads back exactly that value.";

    public override IEnumerable<Finding> Check(ServiceModel model) =>
        ModelFields.ValuesOf(model)
            .Where(v => v.Uses.HasFlag(FieldUse.Unquoted) && (v.Value.Length == 0 || v.Value[0] == ' ' || v.Value[^1] == ' '))
            .Select(v => new Finding(v.Path, v.Value.Length == 0
                ? $"`{v.Path}` is empty: systemd would reset the setting instead of using it."
                : $"`{v.Path}` starts or ends with a space, which systemd strips: it would read `{v.Value.Trim(' ')}`."));
}
