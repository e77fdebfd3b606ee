using System.Net;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Hardening;

internal sealed class UG0902StrictHidesRemoteService : Rule
{
    /// <summary>Variables that name one host (DB_HOST, REDIS_HOST, MEMCACHE_SERVERS, …) without a URL scheme.</summary>
    private static readonly string[] HostSuffixes = ["_HOST", "_HOSTS", "_SERVERS", "_SERVER", "_ADDR", "_ADDRESS"];

    public override string Code => "UG0902";

    public override Severity Severity => Severity.Error;

    public override string Title => "`hardening: strict` with a remote service in the environment: IPAddressDeny=any lets the app reach only localhost, so every connection to it fails.";

    public override string Fix => "Use `hardening: default` for an app that talks to other hosts, or point the variable at this host (127.0.0.1, a unix socket).";

    public override string Explanation =>
        "The strict profile writes IPAddressDeny=any and IPAddressAllow=localhost: the kernel refuses every packet to or " +
        "from another address (systemd.resource-control(5), enforced with BPF by systemd 252), including DNS to a " +
        "resolver off this host. A DATABASE_URL, REDIS_URL or *_HOST naming another host is then unreachable: the " +
        "app's first query fails with EPERM (\"Operation not permitted\"). The default profile has no address " +
        "restrictions; it keeps RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6, which every database client needs " +
        "no more than.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        // A user manager cannot apply IPAddressDeny= (systemd.resource-control(5): system services only), so user
        // units carry no IP allow-list and reach remote hosts under `strict` too (Emitters UserManagerSandbox).
        if (!model.Supervises(Supervisor.Systemd) || model.Systemd.Hardening != HardeningProfile.Strict || model.IsUserScope())
        {
            yield break;
        }

        foreach (var variable in model.Environment)
        {
            if (Hosts(variable).FirstOrDefault(h => !IsLocal(h)) is { } host)
            {
                yield return new Finding($"environment.{variable.Name}", $"{variable.Name} names host `{host}`, which strict hardening (IPAddressDeny=any, IPAddressAllow=localhost) makes unreachable.");
            }
        }
    }

    /// <summary>The hosts of URL values (<c>scheme://[user@]host[:port][,host…]/…</c>), and of <c>*_HOST</c>-like variables.</summary>
    private static IEnumerable<string> Hosts(EnvironmentVariable variable)
    {
        var value = variable.Value.Trim();
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        string? authority = null;
        if (scheme > 0 && value[..scheme].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            var rest = value[(scheme + 3)..];
            var end = rest.IndexOfAny(['/', '?', '#']);
            authority = end < 0 ? rest : rest[..end];
            authority = authority[(authority.LastIndexOf('@') + 1)..];
        }
        else if (HostSuffixes.Any(s => variable.Name.EndsWith(s, StringComparison.Ordinal)) && !value.StartsWith('/'))
        {
            authority = value;
        }

        if (authority is null)
        {
            yield break;
        }

        foreach (var part in authority.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return HostOf(part);
        }
    }

    private static string HostOf(string hostPort)
    {
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? hostPort : hostPort[1..close];
        }

        var colon = hostPort.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && hostPort.IndexOf(':', colon + 1) < 0 ? hostPort[..colon] : hostPort;
    }

    /// <summary>Loopback, or no host at all (a unix socket: <c>postgres:///db</c>, <c>%2Frun%2F…</c>).</summary>
    private static bool IsLocal(string host) =>
        host.Length == 0 || host.StartsWith('/') || host.StartsWith("%2F", StringComparison.OrdinalIgnoreCase)
        || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
