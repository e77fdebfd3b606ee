using System.Globalization;
using UnitGen.Model;

namespace UnitGen.Lint.Import;

/// <summary>Reads a systemd <c>ListenStream=</c> value (systemd.socket(5)) into a <see cref="ListenAddress"/>.</summary>
internal static class ListenStreamParser
{
    /// <returns>The address, or null for forms UnitGen does not model (abstract sockets, interfaces, vsock).</returns>
    public static ListenAddress? Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.StartsWith('/'))
        {
            return new UnixAddress(value);
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return new TcpAddress(null, port);
        }

        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port))
        {
            return null;
        }

        var host = value[..colon];
        return host.StartsWith('[') && host.EndsWith(']') ? new TcpAddress(host[1..^1], port)
            : host.Contains(':', StringComparison.Ordinal) || host.Contains('%', StringComparison.Ordinal) ? null
            : new TcpAddress(host, port);
    }
}
