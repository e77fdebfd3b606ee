using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Sockets;

public sealed class UG0105UnicornListenMismatch : Rule
{
    public override string Code => "UG0105";

    public override Severity Severity => Severity.Error;

    public override string Title => "Unicorn under socket activation with a listen address that is not a ListenStream: unicorn binds it itself and fails.";

    public override string Fix => "Make every unicorn listen a listen entry of the model (drop `server.binds` to derive them).";

    public override string Explanation =>
        "Unicorn keeps all inherited fds 3..3+N, then binds every configured `listen` that was not inherited, retrying " +
        "5 × 0.5 s before raising (unicorn lib/unicorn/http_server.rb, socket_helper.rb). Inherited sockets must be " +
        "non-blocking: UnitGen writes NonBlocking=true in the service (a [Service] key in systemd 252; unicorn's " +
        "examples/unicorn@.service puts it there too).";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.Server.Type != ServerType.Unicorn || !model.SocketActivation || model.Server.Binds is not { } binds)
        {
            yield break;
        }

        var listens = model.Listen.Select(l => BindKeys.OfListen(l.Address)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < binds.Length; i++)
        {
            if (BindKeys.OfBind(binds[i]) is { } key && !listens.Contains(key))
            {
                yield return new Finding($"server.binds[{i}]", $"Unicorn listen `{binds[i]}` is not a ListenStream: unicorn binds it itself while systemd holds the port.");
            }
        }
    }
}
