using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Processes;

internal sealed class UG0804ProcessBindsServerPort : Rule
{
    public override string Code => "UG0804";

    public override Severity Severity => Severity.Error;

    public override string Title => "A process binds a port the web server holds: whichever starts second fails with EADDRINUSE and restarts forever.";

    public override string Fix => "Give the process its own port, or move it to `server` if it is the web server.";

    public override string Explanation =>
        "Two sockets cannot listen on one address and port without SO_REUSEPORT (socket(7)); puma, unicorn and rack " +
        "servers set none by default, and under socket activation systemd itself holds the port. A Procfile turned " +
        "into processes often keeps a second `puma -p $PORT`/`rails server -p 3000` line. UnitGen reads the port from " +
        "`-p N`, `--port N`, `-b`/`--bind`/`-l` URIs and `PORT=N` words of the process's command and compares it with " +
        "the ports of `listen` and `server.binds`.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var held = model.Listen.Select(l => l.Address)
            .Concat((model.Server.Binds ?? []).Select(ListenAddress.Parse).OfType<ListenAddress>())
            .OfType<TcpAddress>().Select(t => t.Port).ToHashSet();
        foreach (var process in model.Processes)
        {
            foreach (var (index, port) in ProcessFacts.PortFlags(process.Command).Where(p => held.Contains(p.Port)))
            {
                yield return new Finding($"processes.{process.Name}.command[{index}]",
                    $"`{process.Name}` binds port {port}, which the web server `{model.Name}` listens on.");
            }
        }
    }
}
