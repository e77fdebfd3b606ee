using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Hardening;

internal sealed class UG0903PrivateTmpHidesSocket : Rule
{
    private static readonly string[] TemporaryFolders = ["/tmp/", "/var/tmp/"];

    public override string Code => "UG0903";

    public override Severity Severity => Severity.Error;

    public override string Title => "A unix socket the server creates under /tmp or /var/tmp while PrivateTmp=yes: it lands in the service's private /tmp, where nginx never finds it.";

    public override string Fix => "Put the socket under /run/NAME (e.g. `unix:///run/NAME/puma.sock`), or keep socket activation on so systemd creates it on the host.";

    public override string Explanation =>
        "PrivateTmp=yes (both hardening profiles) gives the service its own /tmp and /var/tmp, invisible to other " +
        "processes and removed when it stops (systemd.exec(5)). A unix socket the server binds itself there is " +
        "therefore unreachable for the front proxy: nginx logs \"connect() to unix:/tmp/… failed (2: No such file or " +
        "directory)\". Under socket activation systemd creates the socket on the host and passes it, so only servers " +
        "that bind their own sockets are affected. runit has no PrivateTmp.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (!model.Supervises(Supervisor.Systemd) || model.Systemd.Hardening == HardeningProfile.None || model.SocketActivation)
        {
            yield break;
        }

        for (var i = 0; i < model.Listen.Length; i++)
        {
            if (model.Listen[i].Address is UnixAddress unix && InTemporaryFolder(unix.Path))
            {
                yield return new Finding($"listen[{i}]", $"The server creates unix socket {unix.Path} in its private /tmp (PrivateTmp=yes): nothing outside the service can connect to it.");
            }
        }

        var binds = model.Server.Binds ?? [];
        for (var i = 0; i < binds.Length; i++)
        {
            if (ListenAddress.Parse(binds[i]) is UnixAddress unix && InTemporaryFolder(unix.Path) && !model.Listen.Any(l => l.Address == unix))
            {
                yield return new Finding($"server.binds[{i}]", $"The server creates unix socket {unix.Path} in its private /tmp (PrivateTmp=yes): nothing outside the service can connect to it.");
            }
        }
    }

    private static bool InTemporaryFolder(string path) =>
        TemporaryFolders.Any(t => BindKeys.NormalUnixPath(path).StartsWith(t, StringComparison.Ordinal));
}
