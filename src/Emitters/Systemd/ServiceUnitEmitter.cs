using UnitGen.Formats.EnvironmentFiles;
using UnitGen.Formats.Systemd;
using UnitGen.Model;
using UnitGen.Model.Facts;
using UnitGen.Model.Servers;

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

        if (model.AllowRoot)
        {
            unit.Comment(RootOnPurpose.Comment);
        }

        var socketActivated = model.SocketActivation && !model.Listen.IsEmpty;
        var socket = $"{model.Name}.socket";
        foreach (var note in model.Server.Profile.ServiceUnitNotes)
        {
            unit.Comment(note);
        }

        unit.Section("Unit");
        unit.Value("Description", model.Description ?? model.Name);
        List<string> after = [.. NetworkOrdering(model), .. socketActivated ? [socket] : Array.Empty<string>(), .. model.Systemd.After];
        if (after.Count > 0)
        {
            unit.Value("After", string.Join(' ', after));
        }
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
        var notify = model.Systemd.Notify && model.Server.Profile.CanNotify(model.Server);
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
        if (model.Server.Profile.DrainSeconds(model.Server) is { } drain)
        {
            unit.Value("TimeoutStopSec", drain + StopSlackSeconds);
        }

        if (model.Server.Profile.Stop is { } stop)
        {
            // The server's own graceful stop (unicorn examples/unicorn@.service: QUIT, master only).
            unit.Value("KillSignal", stop.KillSignal);
            if (stop.MainProcessOnly)
            {
                unit.Value("KillMode", "process");
            }

            if (stop.NonBlockingSockets && socketActivated)
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
        unit.Value("WantedBy", ServiceManagerFacts.BootTarget(model));
        ExtraDirectives.Write(unit, model, "Install");
        return new EmittedFile(OutputPaths.Service(model), unit.ToString(), EmittedFile.Readable);
    }

    /// <summary>
    /// network.target for a system unit. A user manager has no network.target (systemd.special(7) of 252, "Units
    /// managed by the user service manager", lists default.target, sockets.target and a few others, not it), so a
    /// user unit orders after nothing there.
    /// </summary>
    internal static IEnumerable<string> NetworkOrdering(ServiceModel model) => model.IsUserScope() ? [] : ["network.target"];

    /// <summary>`systemctl reload`: the signal of the model's restart strategy (<see cref="ServerProfile.SystemdReload"/>).</summary>
    private static void WriteReload(SystemdUnitWriter unit, ServiceModel model)
    {
        if (model.Server.Profile.SystemdReload(model.Restart) is { } reload)
        {
            unit.Command("ExecReload", ["/bin/kill", "-" + reload.Signal, ExecWord.Variable("MAINPID")]);
        }
    }
}
