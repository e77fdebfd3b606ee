using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Lint.Rules;

/// <summary>
/// A socket given with a service that reaches it only through <c>Requires=</c>/<c>Wants=</c>/<c>BindsTo=</c>/<c>After=</c>:
/// lint pairs them (the author meant the socket for this server), but systemd passes the socket to another service.
/// </summary>
internal sealed class UG0113SocketOnlyADependency : LintServiceRule
{
    public override string Code => "UG0113";

    public override Severity Severity => Severity.Error;

    public override string Title => "The socket is tied to the service only by a dependency (Requires=/After=): systemd passes its file descriptors to the service of the socket's own name, so the server gets no LISTEN_FDS and binds the address itself while systemd holds it (EADDRINUSE).";

    public override string Fix => "Add `Sockets=NAME.socket` to the service's [Service] (or `Service=NAME.service` to the socket's [Socket]), or name the socket after the service.";

    public override string Explanation =>
        "systemd hands a service the sockets of the units that trigger it (systemd 252 src/core/service.c service_collect_fds: " +
        "the service's UNIT_ATOM_TRIGGERED_BY dependencies). A socket triggers the service named in its Service=, by default " +
        "the service of the same name (systemd.socket(5) Service=), and a service is also triggered by the sockets in its " +
        "Sockets= (systemd.service(5)). Requires=, Wants=, BindsTo= and After= only start and order units: with them alone the " +
        "socket is opened but its descriptors go to NAME.service, which may not even exist, and the server binds the same " +
        "address itself (puma, unicorn: EADDRINUSE; puma's bind to an activated socket needs LISTEN_FDS, lib/puma/binder.rb).";

    private static readonly string[] Dependencies = ["Requires", "Wants", "BindsTo", "After"];

    public override IEnumerable<LintServiceFinding> Check(LintedService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.Socket is not { } socket || !service.Service.IsUnit)
        {
            yield break;
        }

        var socketFile = Path.GetFileName(socket.Path);
        var serviceFile = Path.GetFileName(service.Service.Path);
        var triggered = UnitStem(socketFile) == UnitStem(serviceFile)
            || socket.Unit.Last("Socket", "Service")?.Value == serviceFile
            || service.Service.Unit.All("Service", "Sockets").Any(e => Names(e.Value).Contains(socketFile));
        if (triggered)
        {
            yield break;
        }

        // A socket none of whose addresses the server binds is someone else's; it is this server's listener when a
        // bind matches it, or when the server's binds are not known from the files given.
        var binds = service.Model.Server.Binds;
        var listens = service.Model.Listen.Select(l => BindKeys.OfListen(l.Address)).ToHashSet(StringComparer.Ordinal);
        if (binds is { } known && !known.Any(b => BindKeys.OfBind(b) is { } key && listens.Contains(key)))
        {
            yield break;
        }

        if (service.Service.Unit.Entries.FirstOrDefault(e => e.Section == "Unit" && Dependencies.Contains(e.Key) && Names(e.Value).Contains(socketFile)) is { } dependency)
        {
            yield return new LintServiceFinding(service.Service, dependency.Line, dependency.ValueColumn,
                $"`{dependency.Key}={dependency.Value}` starts {socketFile} but does not hand it over: systemd passes its sockets to {UnitStem(socketFile)}.service, " +
                $"and {UnitStem(serviceFile)}'s server binds the address itself while systemd holds it (EADDRINUSE; for a unix path puma 5.6.5 raises \"There is already a server bound to\").");
        }
    }

    private static string[] Names(string value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The unit name without its type suffix; a template's instance stays (app@1.socket triggers app@1.service).</summary>
    private static string UnitStem(string file) => Path.GetFileNameWithoutExtension(file);
}
