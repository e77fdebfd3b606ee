using Microsoft.Extensions.Hosting.Systemd;

namespace UnitGen.Hosting;

/// <summary>
/// The sd_notify(3) messages this package sends on top of READY=1/STOPPING=1 (which
/// Microsoft.Extensions.Hosting.Systemd's SystemdLifetime sends), through the same notifier.
/// Without NOTIFY_SOCKET the notifier is disabled and every call does nothing.
/// </summary>
internal sealed class SystemdNotifications(ISystemdNotifier notifier)
{
    private static readonly ServiceState WatchdogPing = new("WATCHDOG=1");

    /// <summary>A STATUS= line: what `systemctl status` shows beside the unit's state.</summary>
    public void Status(string text)
    {
        // A newline would end the assignment and start another (sd_notify(3): newline-separated).
        Send(new ServiceState("STATUS=" + text.ReplaceLineEndings(" ")));
    }

    public void Watchdog() => Send(WatchdogPing);

    private void Send(ServiceState state)
    {
        if (!notifier.IsEnabled)
        {
            return;
        }

        try
        {
            notifier.Notify(state);
        }
        catch (System.Net.Sockets.SocketException)
        {
            // The service manager went away or refused the datagram: nothing a web app can do about it.
        }
    }
}
