using System.Collections.Immutable;
using UnitGen.Emitters.App;
using UnitGen.Emitters.EnvironmentFiles;
using UnitGen.Emitters.Runit;
using UnitGen.Emitters.Systemd;
using UnitGen.Model;
using UnitGen.Model.Facts;

namespace UnitGen.Emitters;

/// <summary>Model → every file of the output layout (DESIGN.md). Pure: no I/O. Validate first.</summary>
internal static class Generator
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

            if (!model.Processes.IsEmpty)
            {
                files.Add(TargetUnitEmitter.Emit(model));
                files.AddRange(model.Processes
                    .Where(p => !p.EffectiveCommand().IsEmpty)
                    .Select(p => ProcessUnitEmitter.Emit(model, p)));
            }

            // EnvironmentFile= format is systemd's; runit gets its own env/ folder.
            if (!model.Environment.IsEmpty)
            {
                files.Add(EnvironmentFileEmitter.Emit(model));
            }
        }

        if (model.Supervises(Supervisor.Runit))
        {
            files.AddRange(RunitFiles(model));
            files.AddRange(model.Processes.SelectMany(p => ProcessRunitEmitter.Emit(model, p)));
        }

        if (AppConfigEmitters.For(model.Server.Type) is { } appConfig)
        {
            files.Add(appConfig(model));
        }

        if (model.Deploy is not null)
        {
            files.AddRange(Deploy.DeployFiles.Emit(model, files.ToImmutable()));
        }

        return files.ToImmutable();
    }

    /// <summary>The runit service folder: run, log/run, env/, control/ (and unicorn-follow for unicorn).</summary>
    private static IEnumerable<EmittedFile> RunitFiles(ServiceModel model)
    {
        if (model.Server.EffectiveCommand(OutputPaths.InstalledServerConfig(model)).IsEmpty)
        {
            // As for systemd: no program, no run script.
            yield break;
        }

        yield return RunScriptEmitter.Emit(model);
        yield return LogRunScriptEmitter.Emit(model);
        foreach (var variable in EnvDirEmitter.Emit(model))
        {
            yield return variable;
        }

        if (ControlScriptEmitter.Emit(model) is { } control)
        {
            yield return control;
        }

        if (model.Server.Profile.ReexecsMaster)
        {
            // The master re-execs as a new process on its hot restart: runit follows it (unicorn-follow).
            yield return UnicornFollowerEmitter.Emit(model);
        }
    }
}
