using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Sockets;

internal sealed class UG0104HostName : Rule
{
    public override string Code => "UG0104";

    public override Severity Severity => Severity.Error;

    public override string Title => "A host name in a listen address or bind: systemd and puma resolve it differently, and puma matches by the literal text.";

    public override string Fix => "Write a literal address: 127.0.0.1, ::1 (in brackets), 0.0.0.0 or [::].";

    public override string Explanation =>
        "`localhost` may resolve to 127.0.0.1 or ::1 (or both); systemd binds what it resolves at start, puma looks up " +
        "the inherited socket by the literal host string (lib/puma/binder.rb), so a host name never matches.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        for (var i = 0; i < model.Listen.Length; i++)
        {
            if (model.Listen[i].Address is TcpAddress { Host: { } host, Ip: null })
            {
                yield return new Finding($"listen[{i}].uri", $"`{host}` is a host name: systemd binds whatever it resolves to, and puma looks the inherited socket up by the text `{host}`, which never matches an address — puma binds port {((TcpAddress)model.Listen[i].Address).Port} itself and fails with EADDRINUSE.");
            }
        }

        var binds = model.Server.Binds ?? [];
        for (var i = 0; i < binds.Length; i++)
        {
            if (ListenAddress.Parse(binds[i]) is TcpAddress { Host: { } host, Ip: null })
            {
                yield return new Finding($"server.binds[{i}]", $"`{host}` is a host name; puma matches inherited sockets by literal address.");
            }
        }
    }
}
