using UnitGen.Model.Loading;

namespace UnitGen.Model.Rules.Values;

/// <summary>
/// A socket systemd can bind: a TCP port from 1 to 65535 (systemd's parse_ip_port in src/basic/parse-util.c
/// reads a u16 and refuses 0) and a unix socket with a path.
/// </summary>
internal sealed class SocketAddressRule : ValueRule
{
    public override string Code => LoaderCodes.InvalidValue;

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        // Over the limit only the limit is reported (SocketCountRule), as the loader stops reading the list there.
        if (model.Listen.Length > ModelLoader.MaxSockets)
        {
            yield break;
        }

        for (var i = 0; i < model.Listen.Length; i++)
        {
            var path = $"listen[{i}].uri";
            switch (model.Listen[i].Address)
            {
                case TcpAddress { Port: < 1 or > 65535 } tcp:
                    yield return new Finding(path, $"Port {tcp.Port} is out of range.") { Fix = "Use a port from 1 to 65535." };
                    break;
                case UnixAddress { Path.Length: 0 }:
                    yield return new Finding(path, "The unix socket path is empty.") { Fix = "Write `unix:///run/<name>/app.sock`." };
                    break;
            }
        }
    }
}
