using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// Steady load on a loopback port while restarts happen: <see cref="FreshWorkers"/> loops that each
/// open a NEW connection per request (<c>Connection: close</c>), and <see cref="KeepAliveWorkers"/>
/// loops that reuse one connection (reconnecting after a failure), counted separately. Every
/// request is bounded by <see cref="RequestTimeout"/>; the whole run by the caller's stop and by
/// <paramref name="maxRequests"/> (the loops end when that many were sent; <see cref="Exhausted"/> says so).
/// </summary>
public sealed class LoadClient(int port, int maxRequests = int.MaxValue) : IDisposable
{
    public const int FreshWorkers = 12;
    public const int KeepAliveWorkers = 2;
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentBag<Sample> samples = [];
    private readonly List<Task> workers = [];
    private readonly Stopwatch clock = new();
    private int sent;

    /// <summary>
    /// One request: when it started (s since load start), how long it took, how it failed, and (keep-alive
    /// only) whether it went over a connection an earlier request had used — puma with
    /// <c>queue_requests false</c> answers every request with <c>Connection: close</c>.
    /// </summary>
    public readonly record struct Sample(bool KeepAlive, double StartedAt, double Milliseconds, string? Failure, bool Reused = false);

    public void Start()
    {
        clock.Start();
        for (var i = 0; i < FreshWorkers; i++)
        {
            workers.Add(Task.Run(() => FreshLoop(stop.Token)));
        }

        for (var i = 0; i < KeepAliveWorkers; i++)
        {
            workers.Add(Task.Run(() => KeepAliveLoop(stop.Token)));
        }
    }

    public double Now => clock.Elapsed.TotalSeconds;

    /// <summary>Whether the loops stopped because <c>maxRequests</c> were sent, before the caller's stop.</summary>
    public bool Exhausted => Volatile.Read(ref sent) >= maxRequests;

    /// <summary>Counts one more request; false once the bound is reached.</summary>
    private bool MaySend() => Interlocked.Increment(ref sent) <= maxRequests;

    public IReadOnlyList<Sample> Stop()
    {
        stop.Cancel();
        Task.WaitAll([.. workers], TimeSpan.FromSeconds(15));
        return [.. samples.OrderBy(s => s.StartedAt)];
    }

    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
    }

    private async Task FreshLoop(CancellationToken token)
    {
        while (!token.IsCancellationRequested && MaySend())
        {
            var started = Now;
            var watch = Stopwatch.StartNew();
            string? failure;
            // Where a request fails tells whose fault it is: a refused/reset connect is the listening
            // socket's, a reset while receiving is a server that closed an accepted connection.
            var phase = "connect";
            var received = new StringBuilder();
            try
            {
                using var client = new TcpClient();
                using var timeout = new CancellationTokenSource(RequestTimeout);
                await client.ConnectAsync("127.0.0.1", port, timeout.Token);
                phase = "send";
                var stream = client.GetStream();
                await stream.WriteAsync("GET / HTTP/1.1\r\nHost: e2e\r\nConnection: close\r\n\r\n"u8.ToArray(), timeout.Token);
                phase = "receive";
                await ReadToEnd(stream, received, timeout.Token);
                failure = Status(received.ToString());
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
            {
                failure = $"{Classify(e)} at {phase}" + (phase == "receive" ? $" ({received.Length} bytes in)" : string.Empty);
            }

            samples.Add(new Sample(false, started, watch.Elapsed.TotalMilliseconds, failure));
        }
    }

    private async Task KeepAliveLoop(CancellationToken token)
    {
        TcpClient? client = null;
        try
        {
            while (!token.IsCancellationRequested && MaySend())
            {
                var started = Now;
                var watch = Stopwatch.StartNew();
                string? failure;
                var reused = client is not null;
                try
                {
                    using var timeout = new CancellationTokenSource(RequestTimeout);
                    if (client is null)
                    {
                        client = new TcpClient();
                        await client.ConnectAsync("127.0.0.1", port, timeout.Token);
                    }

                    var stream = client.GetStream();
                    await stream.WriteAsync("GET / HTTP/1.1\r\nHost: e2e\r\n\r\n"u8.ToArray(), timeout.Token);
                    var response = await ReadResponse(stream, timeout.Token);
                    failure = Status(response);
                    if (failure is null && response.Contains("\r\nconnection: close", StringComparison.OrdinalIgnoreCase))
                    {
                        // The server ends keep-alive politely (as puma does when it stops): reconnect.
                        client.Dispose();
                        client = null;
                    }
                }
                catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
                {
                    failure = Classify(e);
                }

                if (failure is not null)
                {
                    client?.Dispose();
                    client = null;
                }

                samples.Add(new Sample(true, started, watch.Elapsed.TotalMilliseconds, failure, reused));
            }
        }
        finally
        {
            client?.Dispose();
        }
    }

    private static string? Status(string response) =>
        response.StartsWith("HTTP/1.1 2", StringComparison.Ordinal) || response.StartsWith("HTTP/1.0 2", StringComparison.Ordinal)
            ? null
            : response.Length == 0 ? "empty response" : "status " + response.Split('\r')[0];

    private static string Classify(Exception e) => e switch
    {
        OperationCanceledException => "timeout",
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connect refused",
        SocketException { SocketErrorCode: SocketError.ConnectionReset } => "reset",
        IOException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionReset } } => "reset",
        _ => e.GetType().Name,
    };

    /// <summary>Reads until the server closes; <paramref name="text"/> keeps what came before a failure.</summary>
    private static async Task ReadToEnd(NetworkStream stream, StringBuilder text, CancellationToken token)
    {
        var buffer = new byte[4096];
        int n;
        while ((n = await stream.ReadAsync(buffer, token)) > 0)
        {
            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
    }

    /// <summary>Reads one response with a Content-Length body (our config.ru always sends one).</summary>
    private static async Task<string> ReadResponse(NetworkStream stream, CancellationToken token)
    {
        var buffer = new byte[4096];
        var text = new StringBuilder();
        while (true)
        {
            var n = await stream.ReadAsync(buffer, token);
            if (n == 0)
            {
                return text.ToString();
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
            var s = text.ToString();
            var head = s.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (head < 0)
            {
                continue;
            }

            var lengthLine = s[..head].Split("\r\n").FirstOrDefault(l => l.StartsWith("content-length:", StringComparison.OrdinalIgnoreCase));
            var length = lengthLine is null ? 0 : int.Parse(lengthLine.Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            if (s.Length >= head + 4 + length)
            {
                return s;
            }
        }
    }
}
