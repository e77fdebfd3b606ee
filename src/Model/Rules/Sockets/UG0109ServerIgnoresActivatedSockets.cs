using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Sockets;

/// <summary>Not in RULES.md's starting catalogue: the model has <c>useSystemd</c>, so this can be known.</summary>
internal sealed class UG0109ServerIgnoresActivatedSockets : Rule
{
    public override string Code => "UG0109";

    public override Severity Severity => Severity.Error;

    public override string Title => "Socket activation for a server that does not take LISTEN_FDS: systemd's socket is never accepted on, and the app binds its own port.";

    public override string Fix => "Make the server take the sockets (Kestrel: call `UseSystemd()` on KestrelServerOptions and set `server.useSystemd: true`), or set `systemd.socketActivation: false`.";

    public override string Explanation =>
        "Kestrel adopts systemd's sockets only when the app calls KestrelServerOptions.UseSystemd() (ASP.NET Core " +
        "KestrelServerOptionsSystemdExtensions: it opens the descriptors from SD_LISTEN_FDS_START). Otherwise it binds " +
        "ASPNETCORE_URLS itself: EADDRINUSE on the port systemd holds, or connections queue on a socket nobody accepts.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.SocketActivation && !model.Listen.IsEmpty && !model.Server.Profile.AcceptsActivatedSockets(model.Server))
        {
            var profile = model.Server.Profile;
            var when = profile.TakesActivatedSocketsWhen;
            yield return new Finding(model.Systemd.SocketActivation is null ? "listen" : "systemd.socketActivation",
                $"{profile.Name} ignores the socket(s) systemd passes ({string.Join(", ", model.Listen.Select(l => l.Address.ListenStream))}) and binds its own addresses{(when is null ? string.Empty : $"; it takes them only when {when}")}.")
            {
                Fix = when is null ? "Set `systemd.socketActivation: false`." : null,
            };
        }
    }
}
