using System.Globalization;

namespace UnitGen.Hosting;

/// <summary>
/// What systemd told this process through its environment (systemd.exec(5), "Environment Variables
/// Set or Propagated by the Service Manager"; sd_listen_fds(3), sd_watchdog_enabled(3)). A value meant
/// for another process (LISTEN_PID or WATCHDOG_PID naming a different PID, e.g. after a fork/exec
/// wrapper) counts as absent, as libsystemd's own readers treat it.
/// </summary>
internal sealed record SystemdEnvironment(string? NotifySocket, bool ListensOnPassedSockets, TimeSpan? WatchdogInterval)
{
    /// <summary>Started by systemd in any way this package acts on.</summary>
    public bool IsPresent => NotifySocket is not null || ListensOnPassedSockets || WatchdogInterval is not null;

    public static SystemdEnvironment Read() => From(Environment.GetEnvironmentVariable, Environment.ProcessId);

    public static SystemdEnvironment From(Func<string, string?> variable, int processId)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var notify = variable("NOTIFY_SOCKET") is { Length: > 0 } socket ? socket : null;
        var listens = IsThisProcess(variable("LISTEN_PID"), processId) == true
            && int.TryParse(variable("LISTEN_FDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var fds) && fds > 0;
        TimeSpan? watchdog = null;
        if (IsThisProcess(variable("WATCHDOG_PID"), processId) != false
            && long.TryParse(variable("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0)
        {
            watchdog = TimeSpan.FromMicroseconds(usec);
        }

        return new SystemdEnvironment(notify, listens, watchdog);
    }

    /// <summary>null when the variable is absent: WATCHDOG_PID is optional, LISTEN_PID is not.</summary>
    private static bool? IsThisProcess(string? pid, int processId) =>
        pid is null ? null : int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value == processId;
}
