using UnitGen.Model.Servers;

namespace UnitGen.Model.Facts;

/// <summary>
/// What <c>bin/NAME-restart</c> needs to know to restart the web server by each strategy and to see that it is
/// done, asked of the restart-signal table of the server's profile (<see cref="ServerProfile.RestartSignals"/>).
/// </summary>
internal static class RestartFacts
{
    /// <summary>
    /// The signal of a phased restart when one can replace the app's code: puma in cluster mode without
    /// preload (5.6.5 lib/puma/cluster.rb <c>phased_restart</c>: <c>return false if @options[:preload_app]</c>;
    /// single mode has no phased restart), unicorn without preload_app (unicorn 6.0.0 SIGNALS: HUP picks up
    /// new code only when preload_app is false). Null otherwise: the script falls back to a hot restart.
    /// </summary>
    public static RestartSignal? Phased(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var possible = model.Server.Type switch
        {
            ServerType.Puma => PumaFacts.Workers(model) > 0 && !PumaFacts.EffectivePreload(model),
            ServerType.Unicorn => !UnicornFacts.Preload(model),
            _ => false,
        };
        return possible ? model.Server.Profile.SignalFor(RestartStrategy.Phased) : null;
    }

    /// <summary>
    /// The signal of a hot restart under <paramref name="supervisor"/>; null when there is none and the script
    /// stops and starts the service instead. Under systemd only a restart that keeps the main PID (systemd
    /// follows no new master, UG0404); runit's run script follows a new unicorn master (unicorn-follow).
    /// </summary>
    public static RestartSignal? Hot(ServiceModel model, Supervisor supervisor)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Server.Profile.SignalFor(RestartStrategy.Hot) is { } signal && (signal.KeepsMainPid || supervisor == Supervisor.Runit)
            ? signal : null;
    }

    /// <summary>The worker processes the master forks; 0 for a single process (puma single mode, kestrel).</summary>
    public static int Workers(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Server.Type switch
        {
            ServerType.Puma => PumaFacts.Workers(model),
            ServerType.Unicorn => UnicornFacts.Workers(model),
            _ => 0,
        };
    }

    /// <summary>
    /// The pid file that names the master when the supervisor's main process is not it (unicorn under
    /// unicorn-follow, after a USR2 upgrade); null: the supervisor's main PID is the master.
    /// </summary>
    public static string? MasterPidfile(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Server.Type == ServerType.Unicorn ? UnicornFacts.Pidfile(model) : model.Server.Pidfile;
    }
}
