using UnitGen.Model.Diagnostics;
using UnitGen.Model.Fields;

namespace UnitGen.Model.Rules.UnitHygiene;

internal sealed class UG0701ControlCharacterInUnitValue : Rule
{
    public override string Code => "UG0701";

    public override Severity Severity => Severity.Error;

    public override string Title => "A newline, control character or trailing backslash in a value that goes into a unit file: it would inject keys.";

    public override string Fix => "Remove the control character or the trailing backslash from the value.";

    public override string Explanation =>
        "Unit files are line-based (systemd.syntax(7)): `Description=x\\nExecStartPre=/bin/rm …` becomes two keys. " +
        "A trailing backslash continues the line, so the next key is swallowed into the value. " +
        "Unicode noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF…) make systemd drop the whole line as \"not UTF-8 clean\" " +
        "(src/basic/utf8.c). UnitGen refuses such values before anything is written.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        var values = ModelFields.ValuesOf(model).ToList();
        var findings = values.Where(v => v.Uses.HasFlag(FieldUse.UnitValue) && (v.Value.Any(char.IsControl) || v.Value.EndsWith('\\') || NonCharacters.In(v.Value)))
            .Select(v => new Finding(v.Path, $"`{v.Path}` holds a control character or a Unicode noncharacter, or ends in a backslash; it would break the unit file."));
        // Exec words are quoted on Exec lines, where a trailing backslash is escaped like any other; one finding per command.
        var brokenCommands = values.Where(v => v.Uses.HasFlag(FieldUse.ExecWord) && (v.Value.Any(char.IsControl) || NonCharacters.In(v.Value)))
            .Select(v => v.Path).Distinct(StringComparer.Ordinal)
            .Select(path => new Finding(path, $"A word of `{path}` holds a control character or a Unicode noncharacter; it would break the unit file."));
        return findings.Concat(brokenCommands);
    }
}
