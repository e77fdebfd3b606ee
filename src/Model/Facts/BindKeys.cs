namespace UnitGen.Model.Facts;

/// <summary>
/// How puma decides that a bind is an inherited socket (puma 5.6.5 lib/puma/binder.rb
/// <c>create_activated_fds</c> / <c>parse</c>): TCP sockets are keyed by
/// <c>[:tcp, Socket.unpack_sockaddr_in host (IPv6 in brackets), port]</c> and looked up with the
/// bind's <c>uri.host</c> — an exact string match, so <c>localhost</c> never matches 127.0.0.1;
/// unix sockets by path.
/// </summary>
internal static class BindKeys
{
    /// <summary>The key under which puma registers a socket systemd passes for this listen entry.</summary>
    public static string OfListen(ListenAddress address) => address switch
    {
        TcpAddress tcp => $"tcp {tcp.PumaHost} {tcp.Port}",
        UnixAddress unix => $"unix {NormalUnixPath(unix.Path)}",
        _ => throw new ArgumentOutOfRangeException(nameof(address)),
    };

    /// <summary>The key puma looks up for a bind as written; null when the bind is not tcp:// or unix://.</summary>
    public static string? OfBind(string bind)
    {
        ArgumentNullException.ThrowIfNull(bind);
        return ListenAddress.Parse(bind) switch
        {
            // Written binds are compared as written: only a canonical literal matches.
            TcpAddress { Host: { } host } tcp => $"tcp {(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)} {tcp.Port}",
            UnixAddress unix => $"unix {NormalUnixPath(unix.Path)}",
            _ => null,
        };
    }

    /// <summary>
    /// An absolute unix socket path with <c>//</c>, <c>.</c> and <c>..</c> resolved lexically. Puma 5.6.5
    /// (lib/puma/binder.rb) looks an inherited unix socket up by the bind's path and by
    /// <c>File.realdirpath(path)</c>, so spellings of one path match; symlinks cannot be resolved before
    /// deployment. Relative and abstract (<c>@</c>) paths are returned as written.
    /// </summary>
    public static string NormalUnixPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/'))
        {
            return path;
        }

        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return "/" + string.Join('/', parts);
    }
}
