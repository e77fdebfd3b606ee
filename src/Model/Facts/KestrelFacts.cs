using System.Globalization;

namespace UnitGen.Model.Facts;

/// <summary>
/// How ASP.NET Core's Kestrel finds its listening addresses, each checked in dotnet/aspnetcore and
/// measured on the ASP.NET Core 10.0.12 shared framework with <c>systemd-socket-activate</c>.
/// <c>server.version</c> of a kestrel model is the ASP.NET Core version.
/// </summary>
internal static class KestrelFacts
{
    /// <summary>
    /// ASP.NET Core 5.0 takes every LISTEN_FDS socket (aspnetcore PR #24118, issue #24067); before, only fd 3.
    /// </summary>
    public static readonly Version AllActivatedSockets = new(5, 0);

    /// <summary>Where Kestrel listens when no socket is passed: one URL per <c>listen</c> entry, joined by <c>;</c>.</summary>
    public const string UrlsVariable = "ASPNETCORE_URLS";

    /// <summary>
    /// The prefixes under which environment variables reach an ASP.NET Core app's configuration:
    /// none (the default app configuration), <c>ASPNETCORE_</c> (web host) and <c>DOTNET_</c> (host).
    /// Configuration keys compare case-insensitively.
    /// </summary>
    private static readonly string[] Prefixes = ["ASPNETCORE_", "DOTNET_", string.Empty];

    /// <summary>Host settings that name addresses (WebHostDefaults: <c>urls</c>, <c>http_ports</c>, <c>https_ports</c>).</summary>
    private static readonly string[] AddressKeys = ["URLS", "HTTP_PORTS", "HTTPS_PORTS"];

    /// <summary>The configuration key of a variable as the app sees it: the prefix stripped, <c>__</c> is <c>:</c>.</summary>
    public static string ConfigurationKey(string variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var prefix = Prefixes.First(p => variable.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        return variable[prefix.Length..].Replace("__", ":", StringComparison.Ordinal);
    }

    /// <summary>Variables that give Kestrel addresses through the host (<c>ASPNETCORE_URLS</c>, <c>URLS</c>, <c>HTTP_PORTS</c>…).</summary>
    public static IEnumerable<EnvironmentVariable> AddressVariables(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Environment.Where(v => AddressKeys.Contains(ConfigurationKey(v.Name), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Variables that configure Kestrel endpoints (<c>Kestrel__Endpoints__NAME__Url</c> and the like).</summary>
    public static IEnumerable<EnvironmentVariable> EndpointVariables(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Environment.Where(v => ConfigurationKey(v.Name).StartsWith("Kestrel:Endpoints:", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// <c>PreferHostingUrls</c> set: the host's URLs replace the endpoints configured in code, the
    /// systemd sockets included (WebHostUtilities.ParseBool: <c>true</c> or <c>1</c>).
    /// </summary>
    public static EnvironmentVariable? PreferHostingUrls(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Environment.LastOrDefault(v =>
            string.Equals(ConfigurationKey(v.Name), "PREFERHOSTINGURLS", StringComparison.OrdinalIgnoreCase)
            && (string.Equals(v.Value, "true", StringComparison.OrdinalIgnoreCase) || v.Value == "1"));
    }

    /// <summary>
    /// The <c>ASPNETCORE_URLS</c> UnitGen sets when Kestrel binds the sockets itself (no socket
    /// activation): null under socket activation, without <c>listen</c>, or when the model's
    /// environment names addresses itself.
    /// </summary>
    public static string? DerivedUrls(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Server.Type != ServerType.Kestrel || model.SocketActivation || model.Listen.IsEmpty
            || AddressVariables(model).Any() || EndpointVariables(model).Any())
        {
            return null;
        }

        return string.Join(';', model.Listen.Select(l => Url(l.Address)));
    }

    /// <summary>
    /// A listen address as a Kestrel URL (aspnetcore BindingAddress): <c>http://127.0.0.1:5000</c>,
    /// <c>http://[::1]:5000</c>, <c>http://unix:/run/app/app.sock</c>; a port-only listen is <c>[::]</c>,
    /// which Kestrel binds dual-stack like systemd does.
    /// </summary>
    public static string Url(ListenAddress address) => address switch
    {
        UnixAddress unix => "http://unix:" + unix.Path,
        TcpAddress { Host: null } tcp => string.Create(CultureInfo.InvariantCulture, $"http://[::]:{tcp.Port}"),
        TcpAddress tcp => string.Create(CultureInfo.InvariantCulture, $"http://{tcp.PumaHost}:{tcp.Port}"),
        _ => throw new ArgumentOutOfRangeException(nameof(address)),
    };
}
