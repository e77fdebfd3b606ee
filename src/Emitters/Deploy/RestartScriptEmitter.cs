using System.Globalization;
using UnitGen.Emitters.Install;
using UnitGen.Formats.Shell;
using UnitGen.Model;
using UnitGen.Model.Facts;

namespace UnitGen.Emitters.Deploy;

/// <summary>
/// Model → <c>bin/NAME-restart</c>, installed on each host (<c>/usr/local/bin</c>): the model's restart on its
/// supervisor, web server first, then the processes (quiet first), and a wait until the new code serves — the
/// old master and every old worker gone, the health path answering through the app's own listener. A phased
/// restart that cannot happen or does not start falls back to a hot one; a failure or timeout is one line on
/// stderr and exit status 1, so a deploy tool (the Capistrano tasks) can trust it (puma#2213, #2465).
/// </summary>
internal static class RestartScriptEmitter
{
    public static string FileName(ServiceModel model) => $"{(model ?? throw new ArgumentNullException(nameof(model))).Name}-restart";

    public static string OutputPath(ServiceModel model) => $"bin/{FileName(model)}";

    public static EmittedFile Emit(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var deploy = model.Deploy ?? new DeploySpec();
        var health = HealthTarget.Of(model);
        var sh = new ShellWriter(model.Name);
        if (MadeFor.Text(model.Server) is { } madeFor)
        {
            sh.Comment(madeFor);
        }

        sh.Comment($"Usage: {FileName(model)} [restart [phased|hot|normal]] | status   (restart default: {Word(model.Restart)})");
        sh.Comment("Restarts the web server, then the processes (quiet first), and returns 0 only when the new code serves:");
        sh.Comment("the old master and its workers are gone and the health path answers through the app's own listener.");
        sh.Comment("Exit status: 0 done; 1 failed or timed out (one line on stderr); 2 usage; status: 3 a unit is stopped.");
        sh.Assign("name", model.Name);
        sh.Assign("server_name", model.Server.Profile.Name);
        sh.Assign("supervisors", string.Join(' ', model.Supervisors.Select(s => s == Supervisor.Systemd ? "systemd" : "runit")));
        // systemd.scope: user — the units are the user's own manager's: `systemctl --user`, no root.
        sh.Assign("user_scope", model.IsUserScope() ? "1" : string.Empty);
        sh.Assign("unit", $"{model.Name}.service");
        sh.Assign("runit_dir", InstallPaths.RunitService(model, model.Name));
        sh.Assign("strategy", Word(model.Restart));
        var phased = model.Server.Profile.PhasedRestartSignal(model);
        sh.Assign("phased_signal", phased?.Signal ?? string.Empty);
        // Read only when phased_signal is empty: why the script falls back to a hot restart.
        sh.Assign("phased_impossible", model.Server.Profile.PhasedRestartKeepsOldCode(model) ?? string.Empty);
        // A hot restart under systemd only by a signal that keeps the main PID (systemd follows no new master, UG0404);
        // runit's run script follows a new unicorn master (unicorn-follow). Empty: the script stops and starts instead.
        sh.Assign("hot_signal_systemd", model.Server.Profile.SystemdReload(RestartStrategy.Hot)?.Signal ?? string.Empty);
        sh.Assign("hot_signal_runit", model.Server.Profile.SignalFor(RestartStrategy.Hot)?.Signal ?? string.Empty);
        sh.Assign("workers", Number(model.Server.Profile.Workers(model)));
        sh.Assign("pidfile", model.Server.Profile.MasterPidfile(model) ?? string.Empty);
        sh.Assign("health_url", health?.Url ?? string.Empty);
        sh.Assign("health_socket", health?.UnixSocket ?? string.Empty);
        sh.Assign("health_path", deploy.Health.Path ?? string.Empty);
        sh.Assign("timeout", Number(deploy.Health.Timeout));

        // A process with a quiet signal (sidekiq's TSTP) is quieted through its own reload first: the unit's
        // ExecReload=, runit's control/h.
        var instances = model.Processes.SelectMany(p => Enumerable.Range(1, p.Instances).Select(n => (Process: p, Instance: n))).ToList();
        sh.Assign("process_units", string.Join(' ', instances.Select(i => OutputPaths.ProcessInstanceUnit(model, i.Process, i.Instance))));
        sh.Assign("quiet_units", string.Join(' ', instances.Where(i => i.Process.Profile.QuietSignal is not null).Select(i => OutputPaths.ProcessInstanceUnit(model, i.Process, i.Instance))));
        sh.Assign("process_dirs", string.Join(' ', instances.Select(i => InstallPaths.RunitService(model, OutputPaths.RunitProcessFolder(model, i.Process, i.Instance)))));
        sh.Assign("quiet_dirs", string.Join(' ', instances.Where(i => i.Process.Profile.QuietSignal is not null).Select(i => InstallPaths.RunitService(model, OutputPaths.RunitProcessFolder(model, i.Process, i.Instance)))));
        // `sv -w`: runit waits 7 s by default (sv(8)); a worker gets its whole stop time to finish its jobs.
        sh.Assign("process_stop", Number(model.Processes.Select(p => p.Profile.StopSeconds(p) ?? 0).DefaultIfEmpty(0).Max() is var s and > 0 ? s : 30));
        sh.Code(RestartScriptBody.Text);
        return new EmittedFile(OutputPath(model), sh.ToString(), EmittedFile.Executable);
    }

    private static string Word(RestartStrategy strategy) => strategy.ToString().ToLowerInvariant();

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
