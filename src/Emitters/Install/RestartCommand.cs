using System.Collections.Immutable;
using UnitGen.Model;
using UnitGen.Model.Facts;

namespace UnitGen.Emitters.Install;

/// <summary>
/// The command that restarts a model's service the way its restart strategy means, per supervisor — what a
/// deploy script should run after new code is in place. Mirrors the generated ExecReload= (ServiceUnitEmitter)
/// and runit's control/h (ControlScriptEmitter).
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
        var reloads = (model.Server.Type, model.Restart) switch
        {
            (ServerType.Puma, RestartStrategy.Hot or RestartStrategy.Phased) => true,
            (ServerType.Unicorn, RestartStrategy.Phased or RestartStrategy.Normal) => true,
            _ => false,
        };
        return $"{ServiceManagerFacts.Systemctl(model)} {(reloads ? "reload" : "restart")} {model.Name}.service";
    }

    /// <summary>
    /// runsv sends USR1 for `sv 1` and USR2 for `sv 2` itself, and runs control/h for `sv reload` (runsv(8));
    /// `sv restart` is the only choice for a server with no restart of its own (UG0603).
    /// </summary>
    private static string Runit(ServiceModel model)
    {
        var dir = $"{model.Runit.ServiceDir.TrimEnd('/')}/{model.Name}";
        var command = (model.Server.Type, model.Restart) switch
        {
            (ServerType.Puma, RestartStrategy.Phased) => "1",
            (ServerType.Puma, _) => "2",
            (ServerType.Unicorn, RestartStrategy.Hot) => "2",
            (ServerType.Unicorn, _) => "reload",
            _ => "restart",
        };
        return $"sv {command} {dir}";
    }
}
