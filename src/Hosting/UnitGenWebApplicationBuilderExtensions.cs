using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using UnitGen.Hosting;

// ASP.NET Core's own builder extensions live here (DESIGN.md): Program.cs needs no `using`.
namespace Microsoft.AspNetCore.Builder;

/// <summary><c>builder.UseUnitGen();</c>: an ASP.NET Core app as a systemd service, in one call.</summary>
public static class UnitGenWebApplicationBuilderExtensions
{
    /// <summary>
    /// Under systemd: READY=1 once Kestrel listens and STOPPING=1 at shutdown (Microsoft.Extensions.Hosting.Systemd),
    /// Kestrel on the sockets systemd passes (LISTEN_FDS), a drain between "stop accepting" and "close idle
    /// connections" (<see cref="UnitGenHostingOptions.Drain"/>), WATCHDOG=1 at half of WatchdogSec= and STATUS=
    /// lines. Outside systemd it changes nothing.
    /// </summary>
    public static WebApplicationBuilder UseUnitGen(this WebApplicationBuilder builder, Action<UnitGenHostingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var systemd = SystemdEnvironment.Read();
        if (!SystemdHelpers.IsSystemdService() && !systemd.IsPresent)
        {
            return builder;
        }

        var services = builder.Services;
        AddLifetime(services, systemd);
        services.AddSingleton(systemd);
        services.AddSingleton<SystemdNotifications>();
        services.AddOptions<UnitGenHostingOptions>().Configure(options =>
        {
            if (builder.Configuration[$"{UnitGenHostingOptions.Section}:{nameof(UnitGenHostingOptions.Drain)}"] is { } drain)
            {
                options.Drain = TimeSpan.Parse(drain, System.Globalization.CultureInfo.InvariantCulture);
            }

            configure?.Invoke(options);
        });

        // Kestrel binds LISTEN_FDS descriptors (from fd 3) when LISTEN_PID is this process; otherwise nothing.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.UseSystemd());
        // Kestrel asks the transport registered last first: ours wraps its socket transport (the one it uses on Linux).
        services.AddSingleton<IConnectionListenerFactory>(provider => new DrainingListenerFactory(
            ActivatorUtilities.CreateInstance<SocketTransportFactory>(provider),
            provider.GetRequiredService<IOptions<UnitGenHostingOptions>>(),
            provider.GetRequiredService<SystemdNotifications>(),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DrainingListenerFactory>>()));
        services.AddHostedService<SystemdWatchdog>();
        services.AddHostedService<SystemdStatusReporter>();
        return builder;
    }

    /// <summary>
    /// Microsoft.Extensions.Hosting.Systemd's lifetime: READY=1 at ApplicationStarted, STOPPING=1 at ApplicationStopping.
    /// Its 10.0 detection (SystemdHelpers.IsSystemdService, dotnet/runtime release/10.0) reads /proc/PPID/comm, which a
    /// unit with ProtectProc=invisible hides from a non-root service; NOTIFY_SOCKET is then the service manager's own word
    /// that it waits for READY=1, and the same three registrations AddSystemd() makes are made here.
    /// </summary>
    private static void AddLifetime(IServiceCollection services, SystemdEnvironment systemd)
    {
        if (SystemdHelpers.IsSystemdService())
        {
            services.AddSystemd();
        }
        else if (systemd.NotifySocket is not null)
        {
            services.Configure<ConsoleLoggerOptions>(options => options.FormatterName = ConsoleFormatterNames.Systemd);
            services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
            services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }
        else
        {
            // Socket activation or a watchdog without Type=notify: pings and STATUS need a notifier all the same.
            services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
        }
    }
}
