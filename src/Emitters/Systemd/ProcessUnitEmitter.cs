using UnitGen.Formats.Systemd;
using UnitGen.Model;
using UnitGen.Model.Facts;

namespace UnitGen.Emitters.Systemd;

/// <summary>
/// Model → <c>systemd/NAME-PROCESS@.service</c>: one template for the instances <c>@1..@N</c> of a
/// process, with the web service's user, directory, environment file and sandbox.
/// </summary>
/// <remarks>
/// Sidekiq (6.4.1 lib/sidekiq/cli.rb): TERM = stop fetching, wait up to <c>-t</c> for running jobs,
/// push the rest back to Redis; TSTP = quiet (no new jobs). So KillSignal=SIGTERM, TimeoutStopSec =
/// <c>-t</c> + margin (UG0801), and ExecReload= sends TSTP: <c>systemctl reload</c> quiets a worker
/// before a deploy restarts it, as capistrano-sidekiq's quiet task does.
/// </remarks>
internal static class ProcessUnitEmitter
{
    public static EmittedFile Emit(ServiceModel model, ProcessSpec process)
    {
        var target = OutputPaths.TargetUnit(model);
        var unit = new SystemdUnitWriter(model.Name);
        if (MadeFor.Text(process, model.Server) is { } madeFor)
        {
            unit.Comment(madeFor);
        }

        unit.Section("Unit");
        unit.Value("Description", $"{model.Description ?? model.Name} ({process.Name})");
        List<string> after = [.. ServiceUnitEmitter.NetworkOrdering(model), .. model.Systemd.After];
        if (after.Count > 0)
        {
            unit.Value("After", string.Join(' ', after));
        }
        if (!model.Systemd.Wants.IsEmpty)
        {
            unit.Value("Wants", string.Join(' ', model.Systemd.Wants));
        }

        unit.Value("PartOf", target);

        unit.Section("Service");
        var notify = process.Notify && process.Profile.CanNotify(process);
        unit.Value("Type", notify ? "notify" : "simple");
        if (notify)
        {
            unit.Value("NotifyAccess", "main");
            if (process.WatchdogSec is { } watchdog)
            {
                unit.Value("WatchdogSec", watchdog);
            }
        }

        ServiceIdentity.Write(unit, model);
        unit.Command("ExecStart", process.EffectiveCommand().Select(w => (ExecWord)w));
        if (process.Profile.QuietSignal is { } quiet)
        {
            unit.Command("ExecReload", ["/bin/kill", $"-{quiet}", ExecWord.Variable("MAINPID")]);
        }

        unit.Value("KillSignal", "SIGTERM");
        if (process.Profile.StopSeconds(process) is { } stop)
        {
            unit.Value("TimeoutStopSec", stop);
        }

        unit.Value("Restart", "always");
        unit.Value("RestartSec", 1);
        Hardening.Write(unit, model);

        unit.Section("Install");
        unit.Value("WantedBy", target);
        return new EmittedFile(OutputPaths.ProcessTemplate(model, process), unit.ToString(), EmittedFile.Readable);
    }
}
