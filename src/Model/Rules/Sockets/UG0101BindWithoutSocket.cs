using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Sockets;

internal sealed class UG0101BindWithoutSocket : Rule
{
    public override string Code => "UG0101";

    public override Severity Severity => Severity.Error;

    public override string Title => "Under socket activation an app bind has no identical ListenStream: puma binds the port itself and fails with EADDRINUSE.";

    public override string Fix => "Write the bind exactly as the listen entry (same literal address and port), or drop `server.binds` and let UnitGen derive them.";

    public override string Explanation =>
        "Puma matches inherited sockets by exact host string and port (puma lib/puma/binder.rb: " +
        "`@activated_sockets.delete([:tcp, uri.host, uri.port])`, keys from Socket.unpack_sockaddr_in). A bind that " +
        "matches no socket is bound by puma itself while systemd holds the port: EADDRINUSE. Checked on puma 5.6.5: " +
        "ListenStream 127.0.0.1:P + bind tcp://localhost:P fails.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (!model.SocketActivation || model.Server.Binds is not { } binds || !model.Server.IsPuma)
        {
            yield break;
        }

        var listens = model.Listen.Select(l => BindKeys.OfListen(l.Address)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < binds.Length; i++)
        {
            if (BindKeys.OfBind(binds[i]) is { } key && !listens.Contains(key) && !UG0103PortOnlyListenWithIPv4Bind.Applies(model, binds[i]))
            {
                yield return new Finding($"server.binds[{i}]",
                    $"Bind `{binds[i]}` matches no ListenStream ({string.Join(", ", model.Listen.Select(l => l.Address.ListenStream))}): puma will try to bind it itself and fail with EADDRINUSE.");
            }
        }
    }
}
