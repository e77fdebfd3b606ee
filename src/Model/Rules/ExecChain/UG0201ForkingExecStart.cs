using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.ExecChain;

internal sealed class UG0201ForkingExecStart : Rule
{
    private static readonly string[] Shells = ["sh", "bash", "dash", "zsh"];

    /// <summary>Wrappers that stay the parent of the command they run (PAM session, I/O relay).</summary>
    private static readonly string[] ForkingWrappers = ["sudo", "su", "runuser"];

    /// <summary>Shell syntax that makes a script more than one simple command.</summary>
    private static readonly string[] Compound = ["&&", "||", ";", "|", "&", "\n", "$(", "`", "(", "{"];

    public override string Code => "UG0201";

    public override Severity Severity => Severity.Error;

    public override string Title => "Socket activation or Type=notify while the command forks a shell or wrapper: the server is not the main PID and gets no sockets or readiness.";

    public override string Fix => "Start the server directly (`command: [/usr/local/bin/bundle, exec, puma, …]`), or end the shell script with `exec SERVER …`.";

    public override string Explanation =>
        "LISTEN_PID, WATCHDOG_PID and NotifyAccess=main all name the main PID (sd_listen_fds(3), sd_notify(3)). Puma " +
        "takes inherited sockets only `if env['LISTEN_PID'].to_i == $$` (puma 5.6.5 lib/puma/binder.rb:102), unicorn " +
        "only `if sd_pid.to_i == $$` (unicorn 6.0.0 lib/unicorn/http_server.rb inherit_listeners!). A shell that runs " +
        "`cd … && puma` forks puma as a child (checked with bash 5.2.15 and dash 0.5.12 on Debian 12: the child gets a " +
        "new PID), so puma ignores the sockets and binds the port itself (EADDRINUSE), and its READY=1 is dropped. " +
        "bash replaces itself only for a script that is one simple command; dash never does. `rvm X do`, sudo, su " +
        "and runuser stay the parent of the server.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        var argv = model.Server.Command;
        if (argv.IsEmpty || !(model.SocketActivation || model.Systemd.Notify))
        {
            yield break;
        }

        var why = model.SocketActivation ? "LISTEN_PID names the wrapper, so the server ignores the sockets systemd passed and binds the port itself"
            : "systemd drops READY=1 from a child under NotifyAccess=main, so the unit never becomes active";
        if (Wrapper(argv) is { } wrapper)
        {
            yield return new Finding("server.command", $"{wrapper.What}: {why}. {wrapper.Hint}");
        }
    }

    /// <summary>
    /// How the command keeps a process of its own between the supervisor and the server — a shell whose script does
    /// not end in <c>exec</c>, <c>rvm … do</c>, sudo/su/runuser — with the fix; null when the server is the process started.
    /// </summary>
    public static (string What, string Hint)? Wrapper(IReadOnlyList<string> argv)
    {
        ArgumentNullException.ThrowIfNull(argv);
        if (argv.Count == 0)
        {
            return null;
        }

        var program = Path.GetFileName(argv[0]);
        if (Shells.Contains(program))
        {
            if (Script(argv) is not { } script)
            {
                return null;
            }

            // The shell must end by replacing itself with the server: the last command is `exec …`.
            var last = script.Split(["&&", "||", ";", "\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            var bashExecsItself = program == "bash" && !Compound.Any(c => script.Contains(c, StringComparison.Ordinal));
            return last?.StartsWith("exec ", StringComparison.Ordinal) != true && !bashExecsItself
                ? ($"`{program} -c \"{script}\"` runs the server as a child of the shell", "Write `exec` before the server command.")
                : null;
        }

        if (program == "rvm" && argv.Contains("do"))
        {
            return ("`rvm … do` runs the server as a child", "Start the server through rvm's wrapper script by absolute path (…/rvm/wrappers/RUBY/puma), which execs.");
        }

        return ForkingWrappers.Contains(program)
            ? ($"`{program}` stays the parent of the server", $"Use `user:` (User=) instead of `{program}`.")
            : null;
    }

    /// <summary>The script of <c>SHELL [opts] -c SCRIPT</c> (also <c>-lc</c>, <c>-ec</c>); null when not a -c call.</summary>
    private static string? Script(IReadOnlyList<string> argv)
    {
        for (var i = 1; i < argv.Count; i++)
        {
            var a = argv[i];
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                // Long options such as --login take no word; --rcfile/--init-file do.
                i += a is "--rcfile" or "--init-file" ? 1 : 0;
                continue;
            }

            if (a is "-o" or "-O")
            {
                i++;
                continue;
            }

            if (!a.StartsWith('-'))
            {
                return null;
            }

            if (a.Contains('c', StringComparison.Ordinal))
            {
                return i + 1 < argv.Count ? argv[i + 1] : null;
            }
        }

        return null;
    }
}
