using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using UnitGen.Hosting;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Hosting;

/// <summary>What UnitGen.Hosting reads from the environment systemd gives a service (sd_listen_fds(3), sd_watchdog_enabled(3)).</summary>
[Trait(Category.Name, Category.Unit)]
public sealed class SystemdEnvironmentTests
{
    private const int Pid = 4242;

    [Fact]
    public void A_plain_process_sees_no_systemd()
    {
        var systemd = Read();

        Assert.False(systemd.IsPresent);
    }

    [Fact]
    public void Passed_sockets_count_only_for_the_process_named_in_LISTEN_PID()
    {
        Assert.True(Read(("LISTEN_PID", "4242"), ("LISTEN_FDS", "2")).ListensOnPassedSockets);
        Assert.False(Read(("LISTEN_PID", "1"), ("LISTEN_FDS", "2")).ListensOnPassedSockets);
        Assert.False(Read(("LISTEN_PID", "4242"), ("LISTEN_FDS", "0")).ListensOnPassedSockets);
    }

    [Fact]
    public void The_watchdog_pings_at_WATCHDOG_USEC_unless_WATCHDOG_PID_names_another_process()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), Read(("WATCHDOG_USEC", "4000000")).WatchdogInterval);
        Assert.Equal(TimeSpan.FromSeconds(4), Read(("WATCHDOG_USEC", "4000000"), ("WATCHDOG_PID", "4242")).WatchdogInterval);
        Assert.Null(Read(("WATCHDOG_USEC", "4000000"), ("WATCHDOG_PID", "7")).WatchdogInterval);
        Assert.Null(Read(("WATCHDOG_USEC", "-1")).WatchdogInterval);
    }

    [Fact]
    public void NOTIFY_SOCKET_alone_is_systemd_waiting_for_READY()
    {
        var systemd = Read(("NOTIFY_SOCKET", "/run/systemd/notify"));

        Assert.True(systemd.IsPresent);
        Assert.Equal("/run/systemd/notify", systemd.NotifySocket);
    }

    [Fact]
    public void Outside_systemd_UseUnitGen_registers_nothing()
    {
        // The test host is not a systemd service: no NOTIFY_SOCKET, LISTEN_PID or WATCHDOG_USEC.
        Assert.False(SystemdEnvironment.Read().IsPresent);
        var builder = WebApplication.CreateSlimBuilder();
        var before = builder.Services.Select(s => s.ServiceType).ToList();

        builder.UseUnitGen();

        Assert.Equal(before, builder.Services.Select(s => s.ServiceType));
        Assert.DoesNotContain(builder.Services, s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(SystemdWatchdog));
    }

    private static SystemdEnvironment Read(params (string Name, string Value)[] variables) =>
        SystemdEnvironment.From(name => variables.FirstOrDefault(v => v.Name == name).Value, Pid);
}
