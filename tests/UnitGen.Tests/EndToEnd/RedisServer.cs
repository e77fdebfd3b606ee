using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// A real redis-server of our own on a free loopback port, in memory only (<c>--save ''</c>,
/// <c>--appendonly no</c>), with a minimal RESP client for the test's own commands. Disposing stops
/// exactly the process this object started.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process server;
    private readonly TcpClient client;
    private readonly NetworkStream stream;
    private readonly object gate = new();

    public RedisServer()
    {
        Port = RestartsUnderLoad.FreePort();
        var psi = new ProcessStartInfo(ExternalTool.Require("redis-server"),
            ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        server = Process.Start(psi)!;
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        client = Connect();
        stream = client.GetStream();
        Assert.Equal("PONG", Command("PING"));
    }

    public int Port { get; }

    public string Url => $"redis://127.0.0.1:{Port}/0";

    /// <summary>Sends one command and returns its reply: string, long, null or object?[] for arrays.</summary>
    public object? Command(params string[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var request = new StringBuilder().Append('*').Append(words.Length).Append("\r\n");
        foreach (var word in words)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(word)).Append("\r\n").Append(word).Append("\r\n");
        }

        lock (gate)
        {
            var bytes = Encoding.UTF8.GetBytes(request.ToString());
            stream.Write(bytes);
            return Read();
        }
    }

    /// <summary>HGETALL as a dictionary of counts (field → integer value).</summary>
    public Dictionary<string, int> Counts(string hash)
    {
        var flat = (object?[])Command("HGETALL", hash)!;
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            result[(string)flat[i]!] = int.Parse((string)flat[i + 1]!, CultureInfo.InvariantCulture);
        }

        return result;
    }

    public void Dispose()
    {
        client.Dispose();
        if (!server.HasExited)
        {
            server.Kill();
            server.WaitForExit(5000);
        }

        server.Dispose();
    }

    private TcpClient Connect()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new TcpClient("127.0.0.1", Port);
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(10) && !server.HasExited)
            {
                Thread.Sleep(50);
            }
        }
    }

    private object? Read()
    {
        var line = ReadLine();
        var rest = line[1..];
        switch (line[0])
        {
            case '+':
                return rest;
            case '-':
                throw new InvalidOperationException($"redis: {rest}");
            case ':':
                return long.Parse(rest, CultureInfo.InvariantCulture);
            case '$':
                var length = int.Parse(rest, CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return null;
                }

                var buffer = new byte[length + 2];
                stream.ReadExactly(buffer);
                return Encoding.UTF8.GetString(buffer, 0, length);
            case '*':
                var count = int.Parse(rest, CultureInfo.InvariantCulture);
                return count < 0 ? null : Enumerable.Range(0, count).Select(_ => Read()).ToArray();
            default:
                throw new InvalidOperationException($"redis: unexpected reply `{line}`");
        }
    }

    private string ReadLine()
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                throw new IOException("redis closed the connection");
            }

            if (b == '\n' && bytes.Count > 0 && bytes[^1] == '\r')
            {
                return Encoding.UTF8.GetString([.. bytes.Take(bytes.Count - 1)]);
            }

            bytes.Add((byte)b);
        }
    }
}
