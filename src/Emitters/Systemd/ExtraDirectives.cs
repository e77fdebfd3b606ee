using UnitGen.Formats.Systemd;
using UnitGen.Model;

namespace UnitGen.Emitters.Systemd;

/// <summary>
/// <c>systemd.extra</c> at the end of its section, after everything generated: keys systemd knows and
/// UnitGen does not write (UG0730, UG0731 refuse the others before emit).
/// </summary>
internal static class ExtraDirectives
{
    public static void Write(SystemdUnitWriter unit, ServiceModel model, string section)
    {
        var directives = model.Systemd.Extra.Where(d => d.Section == section).ToList();
        if (directives.Count == 0)
        {
            return;
        }

        unit.Comment("From systemd.extra in the model.");
        foreach (var directive in directives)
        {
            unit.Value(directive.Key, directive.Value);
        }
    }
}
