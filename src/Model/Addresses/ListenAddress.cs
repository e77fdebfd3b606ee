using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace UnitGen.Model;

/// <summary>A listening address as written in <c>listen</c> or in an app bind.</summary>
public abstract record ListenAddress
{
    /// <summary>The text of a systemd <c>ListenStream=</c>.</summary>
    public abstract string ListenStream { get; }

    /// <summary>The puma bind that puma's binder matches to this socket when it is inherited.</summary>
    public abstract string PumaBind { get; }

    /// <summary>The text of a unicorn <c>listen</c>.</summary>
    public abstract string UnicornListen { get; }

    /// <summary>
    /// Reads an address as <c>listen</c> takes it: <c>tcp://HOST:PORT</c> (IPv6 in brackets),
    /// <c>unix:///path.sock</c> or a bare port. The port's range is a validation rule, not a parse error.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ListenAddress? address)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = Parse(text);
        return address is not null;
    }

    /// <summary>Parses <c>tcp://host:port</c>, <c>unix:///path</c> or a bare port; null when unreadable.</summary>
    internal static ListenAddress? Parse(string text)
    {
        if (text.StartsWith("unix://", StringComparison.Ordinal))
        {
            return new UnixAddress(text["unix://".Length..]);
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bare))
        {
            return new TcpAddress(null, bare);
        }

        var rest = text.StartsWith("tcp://", StringComparison.Ordinal) ? text["tcp://".Length..] : null;
        if (rest is null)
        {
            return null;
        }

        var colon = rest.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        var host = rest[..colon];
        var bracketed = host.StartsWith('[') && host.EndsWith(']');
        // An IPv6 literal must be bracketed (RFC 3986), else its colons are ambiguous with the port's.
        if (host.Length == 0 || (!bracketed && (host.Contains(':', StringComparison.Ordinal) || host.Contains('[', StringComparison.Ordinal) || host.Contains(']', StringComparison.Ordinal))))
        {
            return null;
        }

        return new TcpAddress(host.Trim('[', ']'), port);
    }
}

/// <summary>A TCP socket. <see cref="Host"/> null is systemd's port-only form: dual-stack <c>[::]</c>.</summary>
public sealed record TcpAddress(string? Host, int Port) : ListenAddress
{
    public bool IsPortOnly => Host is null;

    /// <summary>The host as an IP literal, or null for a host name.</summary>
    public IPAddress? Ip => Host is null ? IPAddress.IPv6Any : IPAddress.TryParse(Host, out var ip) ? ip : null;

    /// <summary>
    /// The host exactly as puma compares it: puma 5.6.5 <c>lib/puma/binder.rb</c> keys inherited
    /// sockets by <c>Socket.unpack_sockaddr_in</c> (canonical text, IPv6 in brackets) and looks them up
    /// with <c>uri.host</c> of the bind, so only the canonical literal matches.
    /// </summary>
    public string PumaHost => Ip is { } ip
        ? ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString()
        : Host!;

    public override string ListenStream => Host is null ? Port.ToString(CultureInfo.InvariantCulture) : $"{PumaHost}:{Port}";

    public override string PumaBind => $"tcp://{PumaHost}:{Port}";

    public override string UnicornListen => $"{PumaHost}:{Port}";

    public override string ToString() => PumaBind;
}

/// <summary>A unix stream socket at an absolute path.</summary>
public sealed record UnixAddress(string Path) : ListenAddress
{
    public override string ListenStream => Path;

    public override string PumaBind => $"unix://{Path}";

    public override string UnicornListen => Path;

    public override string ToString() => PumaBind;
}
