using UnitGen.Formats.Systemd;
using UnitGen.Model;
using UnitGen.Model.Facts;

namespace UnitGen.Emitters.Systemd;

/// <summary>
/// Model → <c>systemd/NAME.target</c>: the whole app. <c>Wants=</c> the web service and every process
/// instance, so starting the target starts them all; each of them is <c>PartOf=</c> the target, so
/// <c>systemctl stop|restart NAME.target</c> stops or restarts them all (systemd.unit(5) PartOf=:
/// "when systemd stops or restarts the units listed here, the action is propagated to this unit").
/// The socket unit stays out: it keeps the port open while the target restarts the server behind it.
/// </summary>
internal static class TargetUnitEmitter
{
    public static EmittedFile Emit(ServiceModel model)
    {
        var unit = new SystemdUnitWriter(model.Name);
        unit.Section("Unit");
        unit.Value("Description", $"{model.Description ?? model.Name} (web server and workers)");
        var members = new List<string>();
        if (!model.Server.EffectiveCommand(OutputPaths.InstalledServerConfig(model)).IsEmpty)
        {
            members.Add($"{model.Name}.service");
        }

        members.AddRange(model.Processes
            .Where(p => !p.EffectiveCommand().IsEmpty)
            .SelectMany(p => Enumerable.Range(1, p.Instances).Select(n => OutputPaths.ProcessInstanceUnit(model, p, n))));
        unit.Words("Wants", [.. members]);

        unit.Section("Install");
        unit.Value("WantedBy", ServiceManagerFacts.BootTarget(model));
        return new EmittedFile(OutputPaths.Target(model), unit.ToString(), EmittedFile.Readable);
    }
}
