using System.Net;
using System.Net.Sockets;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Sockets;

internal sealed class UG0106DuplicateListener : Rule
{
    public override string Code => "UG0106";

    public override Severity Severity => Severity.Error;

    public override string Title => "Two listeners on the same address and port, or the same unix path: the second bind fails and the socket unit does not start.";

    public override string Fix => "Give each service and each listen entry its own port or path.";

    public override string Explanation =>
        "A TCP port can be bound once per address (ip(7), no SO_REUSEPORT in generated units). A wildcard takes the " +
        "whole family: 0.0.0.0:P collides with every IPv4 address on P. A bare port is systemd's dual-stack [::]:P " +
        "(systemd.socket(5), BindIPv6Only=default follows net.ipv6.bindv6only=0), which takes IPv4 too, so it collides " +
        "with 127.0.0.1:P and 0.0.0.0:P; [::1]:P and 0.0.0.0:P do not collide. Unix paths compare after lexical " +
        "normalisation (`//`, `.`, `..`), as puma compares them by File.realdirpath (lib/puma/binder.rb). " +
        "`unitgen validate a.yaml b.yaml` checks all given models together (Validator.ValidateFleet). Puma's own binds " +
        "are checked the same way: `port` and `bind` only append to the list (puma 5.6.5 lib/puma/dsl.rb, 7.1.0 too) and " +
        "Binder#parse binds every entry with TCPServer.new or UNIXServer.new, removing no duplicate, so `port 3000` next " +
        "to `bind \"tcp://0.0.0.0:3000\"` makes puma exit at boot with EADDRINUSE.";

    /// <summary>Whether two listen addresses collide when bound on one host.</summary>
    public static bool Collide(ListenAddress a, ListenAddress b) => (a, b) switch
    {
        (UnixAddress x, UnixAddress y) => BindKeys.NormalUnixPath(x.Path) == BindKeys.NormalUnixPath(y.Path),
        (TcpAddress x, TcpAddress y) => x.Port == y.Port && HostsOverlap(x, y),
        _ => false,
    };

    private static bool HostsOverlap(TcpAddress x, TcpAddress y)
    {
        if (x.Ip is not { } ipX || y.Ip is not { } ipY)
        {
            // A host name resolves at bind time; only the same name is known to collide (UG0104 reports it anyway).
            return string.Equals(x.Host, y.Host, StringComparison.OrdinalIgnoreCase);
        }

        ipX = Unmapped(ipX);
        ipY = Unmapped(ipY);
        if (ipX.Equals(ipY) || ipX.Equals(IPAddress.IPv6Any) || ipY.Equals(IPAddress.IPv6Any))
        {
            // [::] is dual-stack here: it holds the port for IPv4 as well.
            return true;
        }

        return ipX.AddressFamily == ipY.AddressFamily && (IsAny(ipX) || IsAny(ipY));
    }

    private static IPAddress Unmapped(IPAddress ip) => ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;

    private static bool IsAny(IPAddress ip) =>
        ip.Equals(ip.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any);

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        for (var i = 0; i < model.Listen.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Collide(model.Listen[i].Address, model.Listen[j].Address))
                {
                    yield return new Finding($"listen[{i}].uri",
                        $"`{model.Listen[i].Address.ListenStream}` collides with listen[{j}] `{model.Listen[j].Address.ListenStream}`: systemd cannot bind both and the socket unit fails to start.");
                    break;
                }
            }
        }

        if (!model.Server.IsPuma || model.Server.Binds is not { } binds)
        {
            yield break;
        }

        var addresses = binds.Select(ListenAddress.Parse).ToList();
        for (var i = 0; i < addresses.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (addresses[i] is { } a && addresses[j] is { } b && Collide(a, b))
                {
                    yield return new Finding($"server.binds[{i}]",
                        $"Bind `{binds[i]}` takes the same address as `{binds[j]}` before it: puma binds every entry in turn, so the second fails with EADDRINUSE and puma does not boot.");
                    break;
                }
            }
        }
    }
}
