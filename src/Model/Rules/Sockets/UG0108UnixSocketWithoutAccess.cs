using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Sockets;

internal sealed class UG0108UnixSocketWithoutAccess : Rule
{
    public override string Code => "UG0108";

    public override Severity Severity => Severity.Warning;

    public override string Title => "A unix socket without mode or group: the front proxy (nginx as www-data) may not be able to connect.";

    public override string Fix => "Set `mode: \"0660\"` and `group:` to the proxy's group on the listen entry.";

    public override string Explanation =>
        "systemd creates socket-activated unix sockets 0666 root-owned by default (SocketMode=0666), which is open to " +
        "every local user; most setups want 0660 with the proxy's group (systemd.socket(5)).";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        for (var i = 0; i < model.Listen.Length; i++)
        {
            if (model.Listen[i] is { Address: UnixAddress, Mode: null, Group: null } && model.SocketActivation)
            {
                yield return new Finding($"listen[{i}]", $"`{model.Listen[i].Address.ListenStream}` has no mode or group: it is created 0666.");
            }
        }
    }
}
