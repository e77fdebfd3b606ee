using UnitGen.Model.Servers;

namespace UnitGen.Model.Facts;

/// <summary>
/// What <c>bin/NAME-restart</c> needs to know to restart the web server by each strategy and to see that it is
/// done, asked of the restart-signal table of the server's profile (<see cref="ServerProfile.RestartSignals"/>).
/// </summary>
internal static class RestartFacts
{
    /// <summary>
    /// The signal of a phased restart when one can replace the app's code (the profile's
    /// <see cref="ServerProfile.PhasedRestartKeepsOldCode"/> says none the less). Null otherwise: the script falls
    /// back to a hot restart.
    /// </summary>
    public static RestartSignal? Phased(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Server.Profile.PhasedRestartKeepsOldCode(model) is null ? model.Server.Profile.SignalFor(RestartStrategy.Phased) : null;
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

}
