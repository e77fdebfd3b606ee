using System.Diagnostics;
using System.Globalization;
using System.Text;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// Debian's haproxy 2.6 on 127.0.0.1:<see cref="Port"/>, round-robin over unix-socket backends,
/// started in the foreground by this object and stopped by killing the process it started.
///
/// The settings are chosen so the balancer hides nothing: no health checks (a backend is never
/// taken out, so a host that stops serving shows up as failed requests), <c>retries 0</c> (a
/// failed connect to a backend is not tried again, on it or on another), and
/// <c>option httpclose</c> (every request is a fresh connection on both sides, so no request rides
/// an idle connection that a restarting puma closed). A zero-failure result therefore means every
/// single request reached a socket that accepted and answered it.
/// </summary>
public sealed class Haproxy : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    public Haproxy(string folder, IReadOnlyList<string> unixSockets)
    {
        ArgumentNullException.ThrowIfNull(unixSockets);
        Port = RestartsUnderLoad.FreePort();
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "haproxy.cfg");
        var servers = string.Concat(unixSockets.Select((socket, i) => $"    server host{i + 1} unix@{socket}\n"));
        File.WriteAllText(config, $"""
            global
                maxconn 4000
            defaults
                mode http
                timeout connect 5s
                timeout client 10s
                timeout server 10s
                option httpclose
                retries 0
            listen app
                bind 127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}
                balance roundrobin

            """ + servers);
        var haproxy = ExternalTool.Require("haproxy");
        var check = ExternalTool.Run(haproxy, ["-c", "-f", config]);
        Assert.True(check.ExitCode == 0, "haproxy -c: " + check.Output);
        var psi = InheritedDescriptors.Closed(haproxy, ["-db", "-f", config]);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string Log()
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
