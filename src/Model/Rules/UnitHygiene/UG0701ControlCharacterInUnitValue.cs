using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.UnitHygiene;

public sealed class UG0701ControlCharacterInUnitValue : Rule
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
        var values = new List<(string Path, string? Value)>
        {
            ("description", model.Description), ("user", model.User), ("group", model.Group),
            ("directory", model.Directory), ("envFile", model.EnvFile), ("server.config", model.Server.Config),
            ("server.rackup", model.Server.Rackup), ("server.environment", model.Server.Environment),
            ("server.pidfile", model.Server.Pidfile), ("systemd.stdout", model.Systemd.Stdout),
            ("systemd.stderr", model.Systemd.Stderr), ("runit.serviceDir", model.Runit.ServiceDir), ("runit.logDir", model.Runit.LogDir),
        };
        // Command words are quoted on Exec lines, where a trailing backslash is escaped like any other.
        var commandBroken = model.Server.Command.Any(w => w.Any(char.IsControl) || NonCharacters.In(w));
        values.AddRange(model.Systemd.After.Select((v, i) => ($"systemd.after[{i}]", (string?)v)));
        values.AddRange(model.Systemd.Wants.Select((v, i) => ($"systemd.wants[{i}]", (string?)v)));
        values.AddRange((model.Server.Binds ?? []).Select((v, i) => ($"server.binds[{i}]", (string?)v)));
        values.AddRange(model.Listen.SelectMany((l, i) => new (string, string?)[]
        {
            ($"listen[{i}].uri", l.Address.ListenStream), ($"listen[{i}].mode", l.Mode), ($"listen[{i}].group", l.Group),
        }));
        var findings = values.Where(v => v.Value is { } s && (s.Any(char.IsControl) || s.EndsWith('\\') || NonCharacters.In(s)))
            .Select(v => new Finding(v.Path, $"`{v.Path}` holds a control character or a Unicode noncharacter, or ends in a backslash; it would break the unit file."));
        return commandBroken
            ? findings.Append(new Finding("server.command", "A word of `server.command` holds a control character or a Unicode noncharacter; it would break the unit file."))
            : findings;
    }
}
