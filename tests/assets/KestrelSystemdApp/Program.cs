// A minimal ASP.NET Core app for systemd: Kestrel takes the sockets systemd passes
// (KestrelServerOptions.UseSystemd(): LISTEN_FDS descriptors from fd 3 when LISTEN_PID is this
// process), and the app reports its state itself over $NOTIFY_SOCKET, as sd_notify(3) describes:
// one datagram "READY=1" once Kestrel listens, "STOPPING=1" when shutdown begins.
// Microsoft.Extensions.Hosting.Systemd would do the notifying, but is a NuGet package; this is not.
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.UseSystemd());
// Kestrel uses the transport registered last; ours is the socket transport with a pause after unbind.
builder.Services.AddSingleton<IConnectionListenerFactory>(services =>
    new DrainingListenerFactory(ActivatorUtilities.CreateInstance<SocketTransportFactory>(services)));
// One line per request would flood the journal under the test's load; keep start/stop and problems.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

var app = builder.Build();
// A fixed Content-Length (not chunked): the test's keep-alive client reads responses by it.
var body = System.Text.Encoding.ASCII.GetBytes($"ok {Environment.ProcessId}\n");
app.Run(async context =>
{
    context.Response.ContentType = "text/plain";
    context.Response.ContentLength = body.Length;
    await context.Response.Body.WriteAsync(body);
});
app.Lifetime.ApplicationStarted.Register(() => SdNotify.Send("READY=1"));
app.Lifetime.ApplicationStopping.Register(() => SdNotify.Send("STOPPING=1"));
app.Run();

/// <summary>sd_notify(3) without libsystemd: a datagram to the AF_UNIX socket named in NOTIFY_SOCKET.</summary>
internal static class SdNotify
{
    public static void Send(string state)
    {
        var address = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
        if (string.IsNullOrEmpty(address))
        {
            return; // Not started by systemd with Type=notify: nothing to tell.
        }

        // A leading '@' names a socket in the abstract namespace: its first byte is NUL.
        if (address[0] == '@')
        {
            address = "\0" + address[1..];
        }
        else if (address[0] != '/')
        {
            return; // sd_notify(3) also knows vsock: addresses; systemd uses them only for VMs.
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.SendTo(System.Text.Encoding.UTF8.GetBytes(state), new UnixDomainSocketEndPoint(address));
    }
}

/// <summary>
/// At shutdown Kestrel stops accepting, then at once closes every connection whose first request has not begun
/// (an HTTP/1.1 connection still waiting for its request line ends when keep-alive goes off). Under socket
/// activation a fresh client can be accepted an instant before, its request still on the way: it would get an
/// empty response. So this transport pauses between "stop accepting" and "close idle connections", long enough
/// for those requests to arrive and be parsed; Kestrel then lets them finish. Connections systemd queued but
/// nobody accepted stay in the socket for the next process.
/// </summary>
internal sealed class DrainingListenerFactory(IConnectionListenerFactory sockets) : IConnectionListenerFactory
{
    public async ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default) =>
        new DrainingListener(await sockets.BindAsync(endpoint, cancellationToken));

    private sealed class DrainingListener(IConnectionListener listener) : IConnectionListener
    {
        private static readonly TimeSpan Drain = TimeSpan.FromMilliseconds(500);

        public EndPoint EndPoint => listener.EndPoint;

        public ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default) => listener.AcceptAsync(cancellationToken);

        public async ValueTask UnbindAsync(CancellationToken cancellationToken = default)
        {
            await listener.UnbindAsync(cancellationToken);
            Console.WriteLine($"unbound {EndPoint}; draining {Drain.TotalMilliseconds} ms");
            await Task.Delay(Drain, cancellationToken);
        }

        public ValueTask DisposeAsync() => listener.DisposeAsync();
    }
}
