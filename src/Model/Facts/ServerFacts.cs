namespace UnitGen.Model.Facts;

/// <summary>What each server type can do under a supervisor, in one place for rules and emitters.</summary>
internal static class ServerFacts
{
    /// <summary>Unicorn's worker <c>timeout</c> default (unicorn <c>lib/unicorn/configurator.rb</c>).</summary>
    public const int UnicornDefaultTimeoutSeconds = 60;

    /// <summary>Kestrel's host shutdown timeout default (.NET HostOptions.ShutdownTimeout, 30 s since .NET 6).</summary>
    public const int KestrelShutdownSeconds = 30;

    /// <summary>Seconds the server may need to finish in-flight requests after the stop signal; null when unknown.</summary>
    /// <summary>
    /// Whether puma.rb / unicorn.rb read their <c>.local.rb</c> beside them (<c>server.localConfig</c>). Unicorn
    /// always did (its after_fork hooks live there); puma only when asked, so existing puma.rb stay as they were.
    /// </summary>
    public static bool LoadsLocalConfig(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.LocalConfig ?? server.Type == ServerType.Unicorn;
    }

    public static int? DrainSeconds(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.Type switch
        {
            ServerType.Puma => PumaFacts.WorkerShutdownTimeoutSeconds,
            ServerType.Unicorn => server.Timeout ?? UnicornDefaultTimeoutSeconds,
            ServerType.Kestrel => KestrelShutdownSeconds,
            _ => null,
        };
    }

    /// <summary>Whether the main process can send READY=1 itself (RULES.md UG0302).</summary>
    public static bool CanNotify(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.Type switch
        {
            ServerType.Puma => PumaFacts.CanNotify(server),
            ServerType.Kestrel => server.UseSystemd,
            ServerType.Unicorn => false,
            // A custom command is the user's to know; UnitGen cannot see inside it.
            _ => true,
        };
    }

    /// <summary>Whether the server takes over LISTEN_FDS sockets from systemd.</summary>
    public static bool AcceptsActivatedSockets(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.Type switch
        {
            ServerType.Kestrel => server.UseSystemd,
            _ => true,
        };
    }

    /// <summary>The binds the app uses: the model's own, else exactly one per <c>listen</c> socket.</summary>
    public static IReadOnlyList<string> AppBinds(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Server.Binds is { } binds ? binds : [.. model.Listen.Select(l => l.Address.PumaBind)];
    }
}
