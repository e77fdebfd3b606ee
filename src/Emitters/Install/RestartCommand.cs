using System.Collections.Immutable;
using UnitGen.Model;
using UnitGen.Model.Facts;

namespace UnitGen.Emitters.Install;

/// <summary>
/// The command that restarts a model's service the way its restart strategy means, per supervisor — what a
/// deploy script should run after new code is in place. Asks the restart-signal table of the server's profile, as the
/// generated ExecReload= (ServiceUnitEmitter) and runit's control/h (ControlScriptEmitter) do.
/// </summary>
internal static class RestartCommand
{
    public static ImmutableArray<string> For(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var commands = ImmutableArray.CreateBuilder<string>();
        if (model.Supervises(Supervisor.Systemd))
        {
            commands.Add(Systemd(model));
        }

        if (model.Supervises(Supervisor.Runit))
        {
            commands.Add(Runit(model));
        }

        return commands.ToImmutable();
    }

    /// <summary>
    /// `reload` where the unit has ExecReload= (puma USR1/USR2, unicorn HUP): the server restarts itself in place.
    /// Otherwise `restart`: stop + start, with socket activation the socket holds new connections meanwhile.
    /// </summary>
    private static string Systemd(ServiceModel model)
    {
        var reloads = model.Server.Profile.SystemdReload(model.Restart) is not null;
        return $"{ServiceManagerFacts.Systemctl(model)} {(reloads ? "reload" : "restart")} {model.Name}.service";
    }

    /// <summary>
    /// runsv sends USR1 for `sv 1` and USR2 for `sv 2` itself, and runs control/h for `sv reload` (runsv(8)); a
    /// strategy the server has no signal for falls back to its hot restart, as control/h does (a stop + start under
    /// runit refuses connections, UG0603). `sv restart` is the only choice for a server with no restart of its own.
    /// </summary>
    private static string Runit(ServiceModel model)
    {
        var dir = InstallPaths.RunitService(model, model.Name);
        var command = model.Server.Profile.SignalOrHot(model.Restart)?.Signal switch
        {
            null => "restart",
            "USR1" => "1",
            "USR2" => "2",
            _ => "reload",
        };
        return $"sv {command} {dir}";
    }
}
