using System.Collections.Immutable;
using UnitGen.Emitters.App;
using UnitGen.Emitters.EnvironmentFiles;
using UnitGen.Emitters.Systemd;
using UnitGen.Model;

namespace UnitGen.Emitters;

/// <summary>Model → every file of the output layout (DESIGN.md). Pure: no I/O. Validate first.</summary>
public static class Generator
{
    public static ImmutableArray<EmittedFile> Emit(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var files = ImmutableArray.CreateBuilder<EmittedFile>();
        if (model.Supervises(Supervisor.Systemd))
        {
            // A kestrel or command server without `command` has no program to run: systemd refuses a
            // service without ExecStart=, so no units are written rather than a broken pair.
            if (!model.Server.EffectiveCommand(OutputPaths.InstalledServerConfig(model)).IsEmpty)
            {
                files.Add(ServiceUnitEmitter.Emit(model));
                if (model.SocketActivation && !model.Listen.IsEmpty)
                {
                    files.Add(SocketUnitEmitter.Emit(model));
                }
            }

            // EnvironmentFile= format is systemd's; runit gets its own env/ folder (not yet emitted).
            if (!model.Environment.IsEmpty)
            {
                files.Add(EnvironmentFileEmitter.Emit(model));
            }
        }

        if (model.Server.Type == ServerType.Puma)
        {
            files.Add(PumaConfigEmitter.Emit(model));
        }

        return files.ToImmutable();
    }
}
