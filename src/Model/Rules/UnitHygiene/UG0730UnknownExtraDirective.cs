using UnitGen.Formats.Systemd;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.UnitHygiene;

internal sealed class UG0730UnknownExtraDirective : Rule
{
    /// <summary>The sections <c>systemd.extra</c> can reach: the service unit's three and the socket unit's own.</summary>
    private static readonly string[] Sections = ["Unit", "Service", "Install", "Socket"];

    public override string Code => "UG0730";

    public override Severity Severity => Severity.Error;

    public override string Title => "`systemd.extra` names a section or directive systemd 252 does not know there (or [Socket] without a socket unit): systemd ignores it with only a log line.";

    public override string Fix => "Spell the directive as systemd.exec(5), systemd.service(5), systemd.socket(5) or systemd.unit(5) does, in its own section.";

    public override string Explanation =>
        "systemd logs \"Unknown key name 'X' in section 'Y', ignoring.\" and starts the unit without it " +
        "(src/shared/conf-parser.c). The known keys are systemd 252's own table (load-fragment-gperf.gperf), dumped " +
        "into src/Formats/Systemd/systemd-keys.txt. [Socket] directives go to the socket unit, which exists only " +
        "under socket activation with at least one `listen` entry.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        foreach (var directive in model.Systemd.Extra)
        {
            if (!Sections.Contains(directive.Section, StringComparer.Ordinal))
            {
                yield return new Finding($"systemd.extra.{directive.Section}@key", $"`{directive.Section}` is not a section of a service or socket unit (Unit, Service, Install, Socket).");
            }
            else if (SystemdKeys.Syntax(directive.Section, directive.Key) is null)
            {
                yield return new Finding(directive.ModelPath + "@key", $"systemd 252 has no `{directive.Key}=` in [{directive.Section}].");
            }
            else if (directive.Section == "Socket" && !(model.SocketActivation && !model.Listen.IsEmpty))
            {
                yield return new Finding(directive.ModelPath + "@key", $"[Socket] `{directive.Key}=` without a socket unit: the model has no socket activation.");
            }
        }
    }
}
