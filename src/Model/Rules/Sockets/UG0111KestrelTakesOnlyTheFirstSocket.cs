using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Sockets;

/// <summary>
/// Not in RULES.md's starting catalogue. The issue suspected that UseSystemd() takes fd 3 only; that
/// was true before ASP.NET Core 5.0 and is not since, so the rule is version-aware.
/// </summary>
internal sealed class UG0111KestrelTakesOnlyTheFirstSocket : Rule
{
    public override string Code => "UG0111";

    public override Severity Severity => Severity.Error;

    public override string Title => "Several sockets for Kestrel before ASP.NET Core 5.0: UseSystemd() takes only the first (fd 3); connections to the others are never accepted.";

    public override string Fix => "Set `server.version` to the app's ASP.NET Core version (5.0 or later takes every socket), or keep one `listen` entry.";

    public override string Explanation =>
        "Up to ASP.NET Core 3.1, KestrelServerOptions.UseSystemd() called ListenHandle(SD_LISTEN_FDS_START) once: only fd 3. " +
        "ASP.NET Core 5.0 reads LISTEN_FDS and listens on fds 3 .. 3+LISTEN_FDS-1 (dotnet/aspnetcore issue #24067, PR " +
        "#24118; today src/Servers/Kestrel/Core/src/Systemd/KestrelServerOptionsSystemdExtensions.cs, the loop over " +
        "LISTEN_FDS in UseSystemd(options, configure)), and only when LISTEN_PID is the app's own PID. The other " +
        "sockets of an older app stay open in systemd: their connections queue until they time out. Measured on " +
        "ASP.NET Core 10.0.12: a TCP and a unix socket are both served. An unknown version gets a warning.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.Server.Type != ServerType.Kestrel || !model.Server.UseSystemd || !model.SocketActivation || model.Listen.Length < 2)
        {
            yield break;
        }

        var ignored = string.Join(", ", model.Listen.Skip(1).Select(l => l.Address.ListenStream));
        if (model.Server.Version is null)
        {
            yield return new Finding("listen[1]",
                $"If this app runs on ASP.NET Core before 5.0, Kestrel takes only the first socket and never accepts on {ignored}; set `server.version` to say which.",
                Severity.Warning);
        }
        else if (model.Server.Version < KestrelFacts.AllActivatedSockets)
        {
            yield return new Finding("listen[1]",
                $"ASP.NET Core {model.Server.Version} takes only the first socket systemd passes (fd 3): {ignored} is never accepted on.");
        }
    }
}
