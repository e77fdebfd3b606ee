using UnitGen.Emitters;
using UnitGen.Lint.Import;
using UnitGen.Formats.Systemd;
using UnitGen.Model;
using UnitGen.Model.Rules;
using UnitGen.Model.Servers;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Servers;

/// <summary>
/// One restart-signal mapping per server (its profile), read the same way by systemd's ExecReload=,
/// runit's control/h, UG0603's `sv` commands and lint's reading of a hand-written reload.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public class RestartSignalTests
{
    /// <summary>Server, restart; ExecReload= signal; control/h signal; UG0603's commands (null: no finding).</summary>
    public static TheoryData<ServerType, RestartStrategy, string?, string?, string?> Cases => new()
    {
        { ServerType.Puma, RestartStrategy.Normal, null, "USR2", null },
        { ServerType.Puma, RestartStrategy.Hot, "USR2", "USR2", "`sv reload` or `sv 2` (hot)" },
        { ServerType.Puma, RestartStrategy.Phased, "USR1", "USR1", "`sv reload` or `sv 1` (phased), `sv 2` (hot)" },
        { ServerType.Unicorn, RestartStrategy.Normal, "HUP", null, null },
        { ServerType.Unicorn, RestartStrategy.Hot, null, "USR2", "`sv reload` or `sv 2` (USR2 upgrade)" },
        { ServerType.Unicorn, RestartStrategy.Phased, "HUP", null, "`sv reload` (HUP: workers restart one generation at a time)" },
        { ServerType.Kestrel, RestartStrategy.Hot, null, null, null },
        { ServerType.Command, RestartStrategy.Phased, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_supervisor_sends_the_signal_of_the_profile(ServerType type, RestartStrategy restart, string? execReload, string? controlH, string? svCommands)
    {
        // Arrange
        var model = new ServiceModel
        {
            Name = "app",
            User = "deploy",
            Directory = "/srv/app",
            Server = new ServerSpec { Type = type, Command = type is ServerType.Kestrel or ServerType.Command ? ["/srv/app/bin/app"] : [] },
            Restart = restart,
            Supervisors = [Supervisor.Systemd, Supervisor.Runit],
            Systemd = new SystemdSpec { SocketActivation = true },
            Listen = [new Listener(new TcpAddress("127.0.0.1", 8080))],
        };

        // Act
        var files = Generator.Emit(model).ToDictionary(f => f.Path, f => f.Content);
        var reload = SystemdUnitReader.Parse(files["systemd/app.service"], "app.service").Last("Service", "ExecReload")?.Value;
        var control = files.GetValueOrDefault("runit/app/control/h");
        var ug0603 = Validator.Validate(model, UnitGen.Model.Diagnostics.SourceMap.None("x")).SingleOrDefault(d => d.Code == "UG0603");

        // Assert
        Assert.Equal(execReload is null ? null : $"/bin/kill -{execReload} $MAINPID", reload);
        Assert.Equal(controlH is null ? null : $"exec kill -s {controlH} \"$(cat supervise/pid)\"", control?.Split('\n').Single(l => l.StartsWith("exec ", StringComparison.Ordinal)));
        Assert.Equal(svCommands is null ? null : $"Under runit restart with {svCommands}, not `sv restart`, which refuses connections until the app has booted.", ug0603?.Message);
    }

    [Theory]
    [InlineData(ServerType.Puma, "kill -s USR2 $MAINPID", RestartStrategy.Hot)]
    [InlineData(ServerType.Puma, "/bin/kill -USR1 $MAINPID", RestartStrategy.Phased)]
    [InlineData(ServerType.Unicorn, "/bin/kill -HUP $MAINPID", RestartStrategy.Normal)]
    [InlineData(ServerType.Unicorn, "/bin/kill --signal SIGUSR2 $MAINPID", RestartStrategy.Hot)]
    [InlineData(ServerType.Puma, "/bin/kill -HUP $MAINPID", null)]
    public void Lint_reads_a_reload_back_through_the_same_profile(ServerType type, string execReload, RestartStrategy? expected)
    {
        var unit = SystemdUnitReader.Parse($"[Service]\nExecReload={execReload}\n", "app.service");
        var reload = ExecCommandLine.Parse(unit.Last("Service", "ExecReload")!.Value, out _)!;

        Assert.Equal(expected, ReloadCommand.StrategyOf(reload, type));
    }

    [Fact]
    public void Every_server_type_has_a_profile()
    {
        Assert.Equal(Enum.GetValues<ServerType>(), ServerProfiles.All.Select(p => p.Type));
    }
}
