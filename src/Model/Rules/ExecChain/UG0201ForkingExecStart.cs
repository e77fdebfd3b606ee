using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.ExecChain;

public sealed class UG0201ForkingExecStart : Rule
{
    private static readonly string[] Shells = ["sh", "bash", "dash", "zsh"];

    public override string Code => "UG0201";

    public override Severity Severity => Severity.Error;

    public override string Title => "Socket activation or Type=notify while the command forks a shell or wrapper: the server is not the main PID and gets no sockets or readiness.";

    public override string Fix => "Start the server directly (`command: [puma, -C, …]`), or end the shell script with `exec`.";

    public override string Explanation =>
        "LISTEN_PID, WATCHDOG_PID and NotifyAccess=main all name the main PID. Puma accepts sockets only " +
        "`if env['LISTEN_PID'].to_i == $$` (lib/puma/binder.rb); a `bash -c` or `rvm X do` parent keeps that PID, so " +
        "puma ignores the sockets and binds itself, and READY=1 from a child is dropped.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        var argv = model.Server.Command;
        if (argv.IsEmpty || !(model.SocketActivation || model.Systemd.Notify))
        {
            yield break;
        }

        var program = Path.GetFileName(argv[0]);
        if (Shells.Contains(program))
        {
            var script = argv.SkipWhile(a => !a.StartsWith('-') || !a.Contains('c', StringComparison.Ordinal)).Skip(1).FirstOrDefault();
            // The shell must end by replacing itself with the server: the last command is `exec …`.
            var last = script?.Split(["&&", ";", "\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            if (script is not null && last?.StartsWith("exec ", StringComparison.Ordinal) != true)
            {
                yield return new Finding("server.command", $"`{program} -c` runs the server as a child: write `exec` before the server command, or drop the shell.");
            }
        }
        else if (program == "rvm" && argv.Contains("do"))
        {
            yield return new Finding("server.command", "`rvm … do` runs the server as a child; start the server by its absolute path (e.g. the rvm wrapper script).");
        }
    }
}
