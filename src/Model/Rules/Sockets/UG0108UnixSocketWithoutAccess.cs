using System.Globalization;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Sockets;

/// <summary>
/// Issue 16: the rule used to warn about every unix socket without mode or group, claiming the proxy "may not be
/// able to connect"; systemd's default 0666 lets every local user connect, so that claim was false. It now warns
/// only where a stated mode keeps the proxy out.
/// </summary>
internal sealed class UG0108UnixSocketWithoutAccess : Rule
{
    public override string Code => "UG0108";

    public override Severity Severity => Severity.Warning;

    public override string Title => "A unix socket whose mode lets only its owner (root) connect: the front proxy (nginx as www-data) gets EACCES and answers 502.";

    public override string Fix => "Give the proxy's group write access: `mode: \"0660\"` with `group: www-data` (SocketMode=/SocketGroup=), or leave the mode out (0666).";

    public override string Explanation =>
        "Connecting to a unix socket needs write permission on it (unix(7)). systemd creates socket-activated unix sockets " +
        "owned by root:root with SocketMode=0666 unless told otherwise (systemd 252 src/core/socket.c socket_init: " +
        "`s->socket_mode = 0666`), so without a mode every local user can connect. A mode without write for others " +
        "(0600, 0660, 0640) leaves only root — and the SocketGroup=, when set and given write — able to connect.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        for (var i = 0; i < model.Listen.Length; i++)
        {
            if (model.Listen[i] is not { Address: UnixAddress, Mode: { } text } listener || !model.SocketActivation
                || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            var mode = Convert.ToInt32(text, 8);
            var othersWrite = (mode & 0b010) != 0;
            var groupWrite = listener.Group is not null && (mode & 0b010_000) != 0;
            if (!othersWrite && !groupWrite)
            {
                yield return new Finding($"listen[{i}]",
                    $"`{listener.Address.ListenStream}` is created {text} {(listener.Group is null ? "with no group" : $"for group {listener.Group} without write")}: only root can connect to it.");
            }
        }
    }
}
