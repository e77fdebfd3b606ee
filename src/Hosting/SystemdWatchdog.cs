using Microsoft.Extensions.Hosting;

namespace UnitGen.Hosting;

/// <summary>
/// WATCHDOG=1 at half of WATCHDOG_USEC, as sd_watchdog_enabled(3) recommends. The pings come from
/// an async loop on the thread pool, like the app's requests: a process whose thread pool is starved
/// or deadlocked stops pinging, and systemd kills it after WatchdogSec= and restarts it.
/// </summary>
internal sealed class SystemdWatchdog(SystemdEnvironment systemd, SystemdNotifications notifications) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (systemd.WatchdogInterval is not { } interval)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval / 2);
        notifications.Watchdog();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                notifications.Watchdog();
            }
        }
        catch (OperationCanceledException)
        {
            // Host stopping: systemd stops watching once the unit is deactivating.
        }
    }
}
