using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Sockets;

internal sealed class UG0107RelativeUnixPath : Rule
{
    public override string Code => "UG0107";

    public override Severity Severity => Severity.Error;

    public override string Title => "A relative unix socket path: systemd refuses it, and the app resolves it against its own working directory.";

    public override string Fix => "Write `unix:///absolute/path.sock` (three slashes).";

    public override string Explanation =>
        "systemd.socket(5) takes only absolute paths for ListenStream= unix sockets; puma resolves relative paths against " +
        "the process directory, so the two never meet (puma issue #1976). `unix://tmp/x.sock` is relative. Without socket " +
        "activation a relative bind is only the server's own business: the server resolves it against its working " +
        "directory (puma 5.6.5 lib/puma/binder.rb: `path = \"#{uri.host}#{uri.path}\"` goes to UNIXServer.new as is), " +
        "WorkingDirectory= under systemd, and binds it there; nothing else needs to meet it.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        for (var i = 0; i < model.Listen.Length; i++)
        {
            if (model.Listen[i].Address is UnixAddress { Path: var path } && !path.StartsWith('/'))
            {
                yield return new Finding($"listen[{i}].uri", $"Unix socket path `{path}` is relative: systemd refuses it in ListenStream= and the app would resolve it against its own working directory.");
            }
        }

        // Only under socket activation must an app bind meet systemd's (absolute) ListenStream=.
        var binds = model.SocketActivation ? model.Server.Binds ?? [] : [];
        for (var i = 0; i < binds.Length; i++)
        {
            if (ListenAddress.Parse(binds[i]) is UnixAddress { Path: var path } && !path.StartsWith('/') && !path.StartsWith('@'))
            {
                yield return new Finding($"server.binds[{i}]", $"Unix socket path `{path}` is relative: systemd refuses it in ListenStream= and the app would resolve it against its own working directory.");
            }
        }
    }
}
