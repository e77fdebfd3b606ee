using UnitGen.Formats.EnvironmentFiles;
using UnitGen.Formats.Systemd;
using UnitGen.Model;
using UnitGen.Model.Facts;

namespace UnitGen.Emitters.Systemd;

/// <summary>Model → <c>systemd/NAME.service</c>.</summary>
internal static class ServiceUnitEmitter
{
    /// <summary>Seconds on top of the server's own drain time before systemd sends SIGKILL.</summary>
    private const int StopSlackSeconds = 10;

    public static EmittedFile Emit(ServiceModel model)
    {
        var unit = new SystemdUnitWriter(model.Name);
        if (MadeFor.Text(model.Server) is { } madeFor)
        {
            unit.Comment(madeFor);
        }

        var socketActivated = model.SocketActivation && !model.Listen.IsEmpty;
        var socket = $"{model.Name}.socket";
        if (model.Server.Type == ServerType.Kestrel)
        {
            // Type=notify, the passed sockets, the drain and WatchdogSec= all need the app's side.
            unit.Comment("ASP.NET Core: Program.cs calls `builder.UseUnitGen();` (NuGet package UnitGen.Hosting) for");
            unit.Comment("READY=1, the sockets systemd passes, a drain on stop and watchdog pings.");
        }

        unit.Section("Unit");
        unit.Value("Description", model.Description ?? model.Name);
        unit.Value("After", string.Join(' ', (IEnumerable<string>)["network.target", .. socketActivated ? [socket] : Array.Empty<string>(), .. model.Systemd.After]));
        if (socketActivated)
        {
            unit.Value("Requires", socket);
        }

        if (!model.Systemd.Wants.IsEmpty)
        {
            unit.Value("Wants", string.Join(' ', model.Systemd.Wants));
        }

        if (!model.Processes.IsEmpty)
        {
            // `systemctl stop|restart NAME.target` reaches the web server too; its socket stays up.
            unit.Value("PartOf", OutputPaths.TargetUnit(model));
        }

        ExtraDirectives.Write(unit, model, "Unit");
        unit.Section("Service");
        var notify = model.Systemd.Notify && ServerFacts.CanNotify(model.Server);
        unit.Value("Type", notify ? "notify" : "simple");
        if (notify)
        {
            // Only the main process (the server itself, exec'd) may report readiness.
            unit.Value("NotifyAccess", "main");
            if (model.Systemd.WatchdogSec is { } watchdog)
            {
                unit.Value("WatchdogSec", watchdog);
            }
        }

        ServiceIdentity.Write(unit, model);

        if (KestrelFacts.DerivedUrls(model) is { } urls)
        {
            // Kestrel binds the listen addresses itself only without socket activation; under it the
            // sockets come from systemd and ASPNETCORE_URLS would only be overridden (UG0110).
            unit.Environment(KestrelFacts.UrlsVariable, urls);
        }

        unit.Command("ExecStart", model.Server.EffectiveCommand(OutputPaths.InstalledServerConfig(model)).Select(w => (ExecWord)w));
        WriteReload(unit, model);
        unit.Value("Restart", "always");
        unit.Value("RestartSec", 1);
        if (ServerFacts.DrainSeconds(model.Server) is { } drain)
        {
            unit.Value("TimeoutStopSec", drain + StopSlackSeconds);
        }

        if (model.Server.Type == ServerType.Unicorn)
        {
            // unicorn examples/unicorn@.service: QUIT is unicorn's graceful stop; only the master is
            // signalled; inherited sockets must be non-blocking (a [Service] key in systemd 252).
            unit.Value("KillSignal", "SIGQUIT");
            unit.Value("KillMode", "process");
            if (socketActivated)
            {
                unit.Value("NonBlocking", true);
            }
        }

        if (model.Systemd.Stdout is { } stdout)
        {
            unit.Value("StandardOutput", stdout);
        }

        if (model.Systemd.Stderr is { } stderr)
        {
            unit.Value("StandardError", stderr);
        }

        Hardening.Write(unit, model);
        ExtraDirectives.Write(unit, model, "Service");

        unit.Section("Install");
        unit.Value("WantedBy", "multi-user.target");
        ExtraDirectives.Write(unit, model, "Install");
        return new EmittedFile(OutputPaths.Service(model), unit.ToString(), EmittedFile.Readable);
    }

    /// <summary>
    /// `systemctl reload` per restart strategy. Puma: USR2 = hot restart (exec in place, same PID,
    /// listeners kept), USR1 = phased (cluster only). Never HUP for puma: without stdout_redirect it
    /// shuts puma down (puma docs/signals.md). Unicorn: HUP = reload config + graceful worker restart.
    /// </summary>
    private static void WriteReload(SystemdUnitWriter unit, ServiceModel model)
    {
        var signal = (model.Server.Type, model.Restart) switch
        {
            (ServerType.Puma, RestartStrategy.Hot) => "-USR2",
            (ServerType.Puma, RestartStrategy.Phased) => "-USR1",
            (ServerType.Unicorn, RestartStrategy.Phased or RestartStrategy.Normal) => "-HUP",
            _ => null,
        };
        if (signal is not null)
        {
            unit.Command("ExecReload", ["/bin/kill", signal, ExecWord.Variable("MAINPID")]);
        }
    }
}
