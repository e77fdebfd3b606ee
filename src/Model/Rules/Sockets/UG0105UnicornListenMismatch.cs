using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Sockets;

internal sealed class UG0105UnicornListenMismatch : Rule
{
    public override string Code => "UG0105";

    public override Severity Severity => Severity.Error;

    public override string Title => "Unicorn under socket activation with a listen address that is not a ListenStream: unicorn binds it itself and fails.";

    public override string Fix => "Make every unicorn listen a listen entry of the model (drop `server.binds` to derive them).";

    public override string Explanation =>
        "Unicorn keeps all inherited fds 3..3+N, then binds every configured `listen` that was not inherited, retrying " +
        "5 × 0.5 s before raising (unicorn 6.0.0 lib/unicorn/http_server.rb inherit_listeners! and listen). It compares " +
        "canonical names: Configurator#expand_addr canonicalises each listen through Socket.pack_sockaddr_in (IPv6 in " +
        "brackets, a bare port becomes 0.0.0.0:PORT) and sock_name gives the inherited socket's address, so a " +
        "port-only ListenStream ([::]:PORT) does not match a unicorn listen 0.0.0.0:PORT. Inherited sockets must be " +
        "non-blocking: UnitGen writes NonBlocking=true in the service (a [Service] key in systemd 252; unicorn's " +
        "examples/unicorn@.service puts it there too).";

    /// <summary>Unicorn's comparison key: canonical IP literal and port, or the expanded unix path.</summary>
    private static string Key(ListenAddress address) => address switch
    {
        TcpAddress tcp => $"tcp {tcp.PumaHost} {tcp.Port}",
        UnixAddress unix => $"unix {BindKeys.NormalUnixPath(unix.Path)}",
        _ => address.ListenStream,
    };

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.Server.Type != ServerType.Unicorn || !model.SocketActivation || model.Server.Binds is not { } binds)
        {
            yield break;
        }

        var listens = model.Listen.Select(l => Key(l.Address)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < binds.Length; i++)
        {
            // A bare port in a unicorn listen means 0.0.0.0:PORT (Configurator#expand_addr), not systemd's [::]:PORT.
            var address = ListenAddress.Parse(binds[i]) is TcpAddress { IsPortOnly: true } bare ? new TcpAddress("0.0.0.0", bare.Port) : ListenAddress.Parse(binds[i]);
            if (address is not null && !listens.Contains(Key(address)))
            {
                yield return new Finding($"server.binds[{i}]", $"Unicorn listen `{binds[i]}` is none of the ListenStreams ({string.Join(", ", model.Listen.Select(l => l.Address.ListenStream))}): unicorn binds it itself, and where systemd holds that port it retries 5 times and exits with EADDRINUSE.");
            }
        }
    }
}
