using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.ExecChain;

internal sealed class UG0212CommandLineAddressOutsideListen : Rule
{
    public override string Code => "UG0212";

    public override Severity Severity => Severity.Error;

    public override string Title => "An address or port on the server's command line that disagrees with `listen`: the server serves other sockets than the units and the proxy expect.";

    public override string Fix => "Remove `-b`/`--bind`/`-p`/`--port` (unicorn: `-l`/`--listen`, `-o`, `-p`) from `server.command`: UnitGen writes the binds from `listen` into the generated config. Or make `listen` name exactly those addresses.";

    public override string Explanation =>
        "Puma's command-line options are user options that win over the config file (puma 5.6.5 " +
        "lib/puma/configuration.rb UserFileDefaultOptions): one `-b URI` or `-p PORT` replaces every bind of the " +
        "generated puma.rb, and `-p PORT` means tcp://0.0.0.0:PORT (Configuration::DefaultTCPHost). A listen entry " +
        "missing from them is not served (puma closes its activated socket: \"Closing unused activated socket\"); a " +
        "command-line bind that is no listen entry is bound by puma itself, EADDRINUSE where systemd holds the port. " +
        "Unicorn 6.0.0 (bin/unicorn, lib/unicorn/configurator.rb) binds every `-l` address and the `-o HOST`/`-p PORT` " +
        "listener (defaults 0.0.0.0:8080) in addition to the config's `listen`s: an address that is no listen entry " +
        "is bound by unicorn itself (retried 5 times, then EADDRINUSE under socket activation), or serves a port " +
        "nothing in the model knows. Without socket activation an address that is one of `server.binds` agrees: the " +
        "server binds it either way (an imported `-b` is carried into `server.binds`).";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        var server = model.Server;
        if (server.Command.IsEmpty || server.Profile.ProgramNames.IsEmpty)
        {
            yield break;
        }

        var line = ServerCommandLine.Parse(server.Profile, server.Command);
        var addresses = server.Profile.CommandLineListeners(line);
        if (addresses.Count == 0)
        {
            yield break;
        }

        var listens = model.Listen.Select(l => Key(l.Address)).ToHashSet(StringComparer.Ordinal);
        // Without socket activation the model's own binds are what the server binds: the same address on the command line agrees.
        if (!model.SocketActivation)
        {
            listens.UnionWith((server.Binds ?? []).Select(ListenAddress.Parse).OfType<ListenAddress>().Select(Key));
        }

        var listenText = model.Listen.IsEmpty ? "none" : string.Join(", ", model.Listen.Select(l => l.Address.PumaBind));
        // A server UnitGen writes no config for gets its addresses only from the command line: there `listen` must follow it.
        var (advice, fix) = server.Profile.ConfigFileName is { } file
            ? ($"Remove it; UnitGen writes the binds from `listen` into {file}.", (string?)null)
            : ("The command line is where this server gets its addresses.", "Make `listen` name exactly the addresses of the command line (removing them would leave the server on its default address).");
        foreach (var (word, text, address) in addresses)
        {
            if (address is null || !listens.Contains(Key(address)))
            {
                yield return new Finding($"server.command[{word}]",
                    $"`{text}` on the command line listens on {address?.PumaBind ?? "an address UnitGen cannot read"}, which is no `listen` entry ({listenText}): the server binds it itself{(model.SocketActivation ? ", EADDRINUSE where systemd holds the port" : string.Empty)}. {advice}")
                {
                    Fix = fix,
                };
            }
        }

        if (server.Profile.CommandLineBindsReplaceConfig)
        {
            var given = addresses.Where(a => a.Address is not null).Select(a => Key(a.Address!)).ToHashSet(StringComparer.Ordinal);
            var first = addresses[0];
            foreach (var missing in model.Listen.Where(l => !given.Contains(Key(l.Address))))
            {
                yield return new Finding($"server.command[{first.Word}]",
                    $"`{first.Text}` replaces every bind of the generated {server.Profile.ConfigFileName}, so `listen` entry {missing.Address.PumaBind} is not served{(model.SocketActivation ? " (puma closes its socket: \"Closing unused activated socket\")" : string.Empty)}. Remove the command-line binds.");
            }
        }
    }

    /// <summary>Both servers compare canonical literal addresses; a port-only listen entry is systemd's [::]:PORT.</summary>
    private static string Key(ListenAddress address) => address switch
    {
        TcpAddress tcp => $"tcp {tcp.PumaHost} {tcp.Port}",
        UnixAddress unix => $"unix {BindKeys.NormalUnixPath(unix.Path)}",
        _ => address.ListenStream,
    };
}
