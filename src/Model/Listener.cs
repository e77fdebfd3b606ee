namespace UnitGen.Model;

/// <summary>One socket: the source of a <c>ListenStream=</c> and of the app's matching bind.</summary>
public sealed record Listener(ListenAddress Address)
{
    /// <summary>Octal <c>SocketMode=</c> for unix sockets, e.g. "0660".</summary>
    public string? Mode { get; init; }
    /// <summary><c>SocketGroup=</c> for unix sockets, e.g. the front proxy's group.</summary>
    public string? Group { get; init; }

    /// <summary>A TCP socket on one address (<c>tcp://127.0.0.1:9292</c>; an IPv6 host without brackets).</summary>
    public static Listener Tcp(string host, int port) => new(new TcpAddress(host, port));

    /// <summary>A port on every address, IPv4 and IPv6 (systemd's port-only <c>ListenStream=9292</c>).</summary>
    public static Listener Port(int port) => new(new TcpAddress(null, port));

    /// <summary>A unix socket; <paramref name="mode"/> and <paramref name="group"/> say who may connect.</summary>
    public static Listener Unix(string path, string? mode = null, string? group = null) =>
        new(new UnixAddress(path)) { Mode = mode, Group = group };

    /// <summary>An address as <c>listen</c> takes it (see <see cref="ListenAddress.TryParse"/>).</summary>
    /// <exception cref="FormatException">The text is not a socket address.</exception>
    public static Listener Parse(string address) =>
        ListenAddress.TryParse(address, out var parsed)
            ? new Listener(parsed)
            : throw new FormatException($"`{address}` is not a socket address: write tcp://ADDRESS:PORT, unix:///path.sock or a port.");
}
