using UnitGen.Model.Diagnostics;
using UnitGen.Model.Rules.ExecChain;

namespace UnitGen.Lint.Rules;

internal sealed class UG0406KillModeProcessWithWrapper : LintServiceRule
{
    public override string Code => "UG0406";

    public override Severity Severity => Severity.Error;

    public override string Title => "KillMode=process or mixed while a wrapper is the main process: `systemctl stop` sends SIGTERM only to the wrapper; the server keeps running outside the stopped unit (process) or gets SIGKILL with no graceful stop (mixed).";

    public override string Fix => "Start the server directly or end the wrapper with `exec`; or drop KillMode= (the default control-group sends SIGTERM to every process).";

    public override string Explanation =>
        "KillMode=process: \"only the main process itself is killed\" (systemd.kill(5)). When the main process is a shell that " +
        "runs the server as a child (a script that does not end in `exec`; bash replaces itself only for a single simple " +
        "command), `rvm … do`, sudo, su or runuser, the server gets no signal: systemd logs \"Unit process N (ruby) remains " +
        "running after unit stopped\", the old master keeps the port, and the next start fails with EADDRINUSE. " +
        "KillMode=mixed: \"the SIGTERM signal is sent to the main process while the subsequent SIGKILL signal is sent to all " +
        "remaining processes\" (systemd.kill(5)): the wrapper exits on SIGTERM and the server, which never got SIGTERM, is " +
        "killed at once — in-flight requests and jobs are cut off.";

    public override IEnumerable<LintServiceFinding> Check(LintedService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!service.IsSystemd || service.Service.Unit.Last("Service", "KillMode") is not { Value: "process" or "mixed" } kill
            || UG0201ForkingExecStart.Wrapper(service.Model.Server.Command) is not { } wrapper)
        {
            yield break;
        }

        yield return new LintServiceFinding(service.Service, kill.Line, kill.ValueColumn, kill.Value == "process"
            ? $"{wrapper.What}, and KillMode=process signals only the main process: on stop the server is left running."
            : $"{wrapper.What}, and KillMode=mixed sends SIGTERM only to the main process: on stop the server gets SIGKILL without a graceful shutdown.");
    }
}
