using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.UnitHygiene;

internal sealed class UG0731ExtraOverridesGeneratedKey : Rule
{
    public override string Code => "UG0731";

    public override Severity Severity => Severity.Error;

    public override string Title => "`systemd.extra` sets a directive UnitGen generates (ExecStart, Type, User, ListenStream, the sandbox…): the unit would contradict the model.";

    public override string Fix => "Set it through the model (`server.command`, `user`, `listen`, `systemd.hardening`, `systemd.readWritePaths`, …).";

    public override string Explanation =>
        "A second assignment either replaces the generated one (Type=, User=: the last one wins) or adds to it " +
        "(ExecStart=, ListenStream=, SystemCallFilter=: lists accumulate; systemd.service(5) refuses two ExecStart= " +
        "outside Type=oneshot), so the unit would no longer be what the model and its rules checked. The generated " +
        "keys are listed in src/Model/Facts/GeneratedSystemdKeys.cs.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        foreach (var directive in model.Systemd.Extra.Where(d => GeneratedSystemdKeys.IsGenerated(d.Section, d.Key)))
        {
            yield return new Finding(directive.ModelPath + "@key", $"`{directive.Key}=` in [{directive.Section}] is generated from the model; extra may not set it.");
        }
    }
}
