using System.Diagnostics;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// Starts a long-lived peer (an isolated systemd, haproxy) with every descriptor but stdin, stdout and
/// stderr closed. `flock /work/heavy.lock dotnet test` hands the lock's descriptor to the test host, and
/// .NET passes every descriptor it did not open itself to its children: a namespace that outlives a
/// killed test run would hold the lock for good and stop every later heavy run.
/// </summary>
public static class InheritedDescriptors
{
    // bash, not sh: dash reads `exec 10>&-` as a command named 10 (its redirections take one digit).
    private const string CloseAndExec = """
        for fd in /proc/$$/fd/*; do
          n=${fd##*/}
          if [ "$n" -gt 2 ]; then eval "exec $n>&-"; fi
        done
        exec "$@"
        """;

    public static ProcessStartInfo Closed(string program, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(ExternalTool.Require("bash"));
        foreach (var arg in (IEnumerable<string>)["-c", CloseAndExec, "bash", ExternalTool.Require(program), .. args])
        {
            psi.ArgumentList.Add(arg);
        }

        return psi;
    }
}
