using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Sockets;

internal sealed class UG0103PortOnlyListenWithIPv4Bind : Rule
{
    public override string Code => "UG0103";

    public override Severity Severity => Severity.Error;

    public override string Title => "A port-only ListenStream is [::]:PORT; a bind tcp://0.0.0.0:PORT does not match it and fails with EADDRINUSE.";

    public override string Fix => "Bind `tcp://[::]:PORT`, or listen on `tcp://0.0.0.0:PORT`.";

    public override string Explanation =>
        "systemd binds a bare port as a dual-stack IPv6 socket, [::]:PORT (systemd.socket(5)). Puma keys it as " +
        "[:tcp, \"[::]\", PORT], so only the bind tcp://[::]:PORT takes it over; tcp://0.0.0.0:PORT makes puma bind " +
        "again — EADDRINUSE (checked on puma 5.6.5).";

    /// <summary>Whether <paramref name="bind"/> is the IPv4 wildcard on a port the model listens on port-only.</summary>
    public static bool Applies(ServiceModel model, string bind)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ListenAddress.Parse(bind) is TcpAddress { Host: "0.0.0.0" } tcp
            && model.Listen.Any(l => l.Address is TcpAddress { IsPortOnly: true } p && p.Port == tcp.Port);
    }

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (!model.SocketActivation || model.Server.Binds is not { } binds)
        {
            yield break;
        }

        for (var i = 0; i < binds.Length; i++)
        {
            if (Applies(model, binds[i]))
            {
                yield return new Finding($"server.binds[{i}]",
                    $"`{binds[i]}` does not match the port-only ListenStream, which systemd binds as [::]: puma fails with EADDRINUSE.");
            }
        }
    }
}
