using System.Net;
using System.Net.Sockets;
using System.Text;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// One <c>GET /</c> on a fresh connection, to a loopback port or a unix socket, answered with the
/// response body, or with what went wrong ("connect: ...", "status 502 ...") — never thrown.
/// </summary>
public static class PlainHttp
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static string Get(int loopbackPort) => Get(new IPEndPoint(IPAddress.Loopback, loopbackPort), AddressFamily.InterNetwork, ProtocolType.Tcp);

    public static string GetUnix(string socketPath) => Get(new UnixDomainSocketEndPoint(socketPath), AddressFamily.Unix, ProtocolType.Unspecified);

    private static string Get(EndPoint endPoint, AddressFamily family, ProtocolType protocol)
    {
        using var socket = new Socket(family, SocketType.Stream, protocol);
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            socket.ConnectAsync(endPoint, timeout.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return "connect: " + e.Message;
        }

        try
        {
            socket.SendAsync("GET / HTTP/1.1\r\nHost: e2e\r\nConnection: close\r\n\r\n"u8.ToArray(), timeout.Token).AsTask().GetAwaiter().GetResult();
            var text = new StringBuilder();
            var buffer = new byte[4096];
            int n;
            while ((n = socket.ReceiveAsync(buffer, timeout.Token).AsTask().GetAwaiter().GetResult()) > 0)
            {
                text.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }

            var response = text.ToString();
            var head = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (head < 0)
            {
                return "no response";
            }

            return response.StartsWith("HTTP/1.1 200", StringComparison.Ordinal) || response.StartsWith("HTTP/1.0 200", StringComparison.Ordinal)
                ? response[(head + 4)..]
                : "status " + response.Split('\r')[0];
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return "receive: " + e.Message;
        }
    }
}
