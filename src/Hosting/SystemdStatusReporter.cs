using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;

namespace UnitGen.Hosting;

/// <summary>STATUS= lines at the lifetime's turns: what `systemctl status` shows beside "active (running)".</summary>
internal sealed class SystemdStatusReporter(IHostApplicationLifetime lifetime, IServer server, SystemdEnvironment systemd, SystemdNotifications notifications)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var origin = systemd.ListensOnPassedSockets ? "sockets passed by systemd" : "addresses it bound";
            notifications.Status($"Serving on {string.Join(", ", addresses)} ({origin})");
        });
        lifetime.ApplicationStopping.Register(() => notifications.Status("Stopping: finishing requests in flight"));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
