using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Sockets;

/// <summary>
/// Not in RULES.md's starting catalogue. Graded: endpoints Kestrel binds itself are errors; host URLs
/// that Kestrel only ignores (and logs) are warnings.
/// </summary>
internal sealed class UG0110KestrelAddressesUnderSocketActivation : Rule
{
    public override string Code => "UG0110";

    public override Severity Severity => Severity.Error;

    public override string Title => "Kestrel addresses in the environment under socket activation: Kestrel binds them itself (EADDRINUSE, or a port nobody holds across a restart) or ignores them.";

    public override string Fix => "Under socket activation the sockets come from `listen` alone: remove Kestrel__Endpoints__*, ASPNETCORE_URLS/URLS/HTTP_PORTS and PreferHostingUrls from `environment` (UnitGen sets ASPNETCORE_URLS itself when socket activation is off).";

    public override string Explanation =>
        "KestrelServerOptions.UseSystemd() (aspnetcore src/Servers/Kestrel/Core/src/Systemd/KestrelServerOptionsSystemdExtensions.cs) " +
        "adds one ListenHandle endpoint per LISTEN_FDS socket. Endpoints from configuration (Kestrel:Endpoints, e.g. the " +
        "variable Kestrel__Endpoints__web__Url) are bound in addition: on the port systemd holds that fails with \"address " +
        "already in use\" and the host does not start; on another port it is a listener nobody holds during a restart. " +
        "Host URLs (ASPNETCORE_URLS, URLS, HTTP_PORTS) are ignored when code configured endpoints (aspnetcore " +
        "src/Servers/Kestrel/Core/src/Internal/AddressBinder.cs, CreateStrategy → OverrideWithEndpointsStrategy: warning " +
        "\"Overriding address(es) ...\"), unless PreferHostingUrls is true: then the URLs replace every code endpoint, " +
        "systemd's sockets included, and the socket unit's port is never accepted on. Measured on ASP.NET Core 10.0.12 " +
        "with systemd-socket-activate.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.Server.Type != ServerType.Kestrel || !model.SocketActivation || model.Listen.IsEmpty || !model.Server.UseSystemd)
        {
            // Without UseSystemd() UG0109 already says that Kestrel binds its own addresses.
            yield break;
        }

        var sockets = string.Join(", ", model.Listen.Select(l => l.Address.ListenStream));
        foreach (var endpoint in KestrelFacts.EndpointVariables(model))
        {
            yield return new Finding($"environment.{endpoint.Name}@key",
                $"`{endpoint.Name}` makes Kestrel bind `{endpoint.Value}` itself besides systemd's socket(s) ({sockets}): on the same port the app fails with \"address already in use\", on another port that listener refuses connections while the app restarts.");
        }

        var urls = KestrelFacts.AddressVariables(model).ToList();
        if (KestrelFacts.PreferHostingUrls(model) is { } prefer && urls.Count > 0)
        {
            yield return new Finding($"environment.{prefer.Name}@key",
                $"`{prefer.Name}={prefer.Value}` makes Kestrel bind {string.Join(", ", urls.Select(u => $"`{u.Value}`"))} INSTEAD of systemd's socket(s) ({sockets}): connections to the socket unit are never accepted.");
        }
        else
        {
            foreach (var url in urls)
            {
                yield return new Finding($"environment.{url.Name}@key",
                    $"`{url.Name}` is ignored under socket activation: Kestrel listens on systemd's socket(s) ({sockets}) and logs \"Overriding address(es) '{url.Value}'\".",
                    Severity.Warning);
            }
        }
    }
}
