using System.Net;
using System.Net.Sockets;

namespace UnitGen.Model.Facts;

/// <summary>
/// Where <c>bin/NAME-restart</c> asks whether the new code serves: the app's own first listener (not a load
/// balancer, which may answer from another host), as curl reaches it from the same host.
/// </summary>
/// <param name="Url">The URL curl asks; for a unix socket its host is <c>localhost</c>.</param>
/// <param name="UnixSocket">The socket path for curl's <c>--unix-socket</c>; null for TCP.</param>
internal sealed record HealthTarget(string Url, string? UnixSocket)
{
    /// <summary>The path asked when the model names none: any answer below 500 shows the app serves.</summary>
    public const string DefaultPath = "/";

    /// <summary>The target of the model's first listener (<c>listen</c>, else <c>server.binds</c>); null when it has none.</summary>
    public static HealthTarget? Of(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var address = model.Listen.Select(l => l.Address).FirstOrDefault()
            ?? model.Server.Binds?.Select(ListenAddress.Parse).FirstOrDefault(a => a is not null);
        var path = model.Deploy?.Health.Path ?? DefaultPath;
        return address switch
        {
            UnixAddress unix => new HealthTarget($"http://localhost{path}", unix.Path),
            TcpAddress tcp => new HealthTarget($"http://{Loopback(tcp)}:{tcp.Port}{path}", null),
            _ => null,
        };
    }

    /// <summary>A wildcard address is asked on the loopback of its family; a port-only listener is <c>[::]</c> (UG0103).</summary>
    private static string Loopback(TcpAddress tcp) => tcp.Ip switch
    {
        { } ip when ip.Equals(IPAddress.Any) => "127.0.0.1",
        { } ip when ip.Equals(IPAddress.IPv6Any) => "[::1]",
        { AddressFamily: AddressFamily.InterNetworkV6 } ip => $"[{ip}]",
        { } ip => ip.ToString(),
        _ => tcp.PumaHost,
    };
}
