using System.Globalization;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.UserScope;

/// <summary>
/// A user manager binds its sockets with the user's own credentials, so a TCP port below 1024 fails to bind:
/// the socket unit fails and the app never starts. Measured on systemd 252 (tests/UnitGen.Tests/EndToEnd/UserScopeTests.cs,
/// the negative control): `ListenStream=127.0.0.1:80` in a user manager ends in "Permission denied".
/// </summary>
internal sealed class UG0740PrivilegedPortInUserScope : Rule
{
    /// <summary>The kernel's default of net.ipv4.ip_unprivileged_port_start (Linux include/net/sock.h PROT_SOCK).</summary>
    public const int FirstUnprivilegedPort = 1024;

    public override string Code => "UG0740";

    public override Severity Severity => Severity.Error;

    public override string Title => "A port below 1024 in a user unit: the user manager binds it without privilege, the kernel refuses, and the app never starts.";

    public override string Fix => "Listen on a port >= 1024 (put nginx or haproxy in front for 80/443), or use `systemd.scope: system`, where systemd binds the port as root and passes it to the app.";

    public override string Explanation =>
        "A per-user systemd (user@UID.service) runs as that user: it creates the sockets of its socket units, and the app " +
        "binds its own, without CAP_NET_BIND_SERVICE. Linux refuses bind() below net.ipv4.ip_unprivileged_port_start " +
        "to such a process (EACCES); its default is 1024 (include/net/sock.h PROT_SOCK, set in net/ipv4/af_inet.c " +
        "inet_init_net). A host may lower the sysctl, but UnitGen cannot see the target host, so the model must not " +
        "rely on it. Measured under systemd 252: a user socket unit on 127.0.0.1:80 fails with 'Permission denied'.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.IsUserScope() || !model.Supervises(Supervisor.Systemd))
        {
            yield break;
        }

        for (var i = 0; i < model.Listen.Length; i++)
        {
            if (model.Listen[i].Address is TcpAddress { Port: > 0 and < FirstUnprivilegedPort } tcp)
            {
                yield return new Finding($"listen[{i}].uri", string.Create(CultureInfo.InvariantCulture,
                    $"Port {tcp.Port} (`{tcp.ListenStream}`) is below {FirstUnprivilegedPort}: {model.User}'s own service manager cannot bind it (`systemd.scope: user`)."));
            }
        }
    }
}
