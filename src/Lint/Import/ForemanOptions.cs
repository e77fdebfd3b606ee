using System.Collections.Immutable;

namespace UnitGen.Lint.Import;

/// <summary>
/// The options of <c>foreman export systemd|runit</c> (foreman 0.87.2 lib/foreman/cli.rb <c>export</c>),
/// which <c>unitgen import Procfile</c> takes under the same names so an export command line carries over.
/// Null means foreman's default (lib/foreman/export/base.rb, lib/foreman/engine.rb).
/// </summary>
internal sealed record ForemanOptions
{
    /// <summary><c>-a/--app</c>: the app name (foreman: <c>app</c>) → <c>name</c>.</summary>
    public string? App { get; init; }

    /// <summary><c>-u/--user</c>: the account (foreman: the app name) → <c>user</c>.</summary>
    public string? User { get; init; }

    /// <summary><c>-d/--root</c>: where processes run (foreman: the Procfile's folder) → <c>directory</c>.</summary>
    public string? Root { get; init; }

    /// <summary><c>-p/--port</c>: the base port (foreman: .env's PORT, else 5000) → the web's <c>listen</c>.</summary>
    public int? Port { get; init; }

    /// <summary><c>-m/--formation</c>: <c>all=1,worker=2</c> (foreman: <c>all=1</c>) → <c>processes.*.instances</c>.</summary>
    public string? Formation { get; init; }

    /// <summary><c>-t/--timeout</c>: seconds before SIGKILL (foreman: 5) → <c>processes.*.stopTimeout</c> of command processes.</summary>
    public int? Timeout { get; init; }

    /// <summary><c>-l/--log</c>: the runit log folder (foreman: <c>/var/log/APP</c>) → <c>runit.logDir</c>.</summary>
    public string? Log { get; init; }

    /// <summary><c>-r/--run</c>: the pid folder foreman chowns; no equivalent (systemd and runsv track the PIDs).</summary>
    public string? Run { get; init; }

    /// <summary><c>--template</c>: a folder of ERB templates; no equivalent (systemd.extra, drop-ins, server.localConfig).</summary>
    public string? Template { get; init; }

    /// <summary><c>-e/--env</c>: .env files, later ones winning (foreman: ROOT/.env when present) → <c>environment</c>.</summary>
    public ImmutableArray<string> EnvFiles { get; init; } = [];

    /// <summary>foreman's <c>parse_formation</c>: <c>all=N</c> sets the default, which is 0 once a formation is given without <c>all</c>.</summary>
    public Func<string, int> Instances()
    {
        if (Formation is null)
        {
            return _ => 1;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var all = 0;
        foreach (var pair in string.Concat(Formation.Where(c => !char.IsWhiteSpace(c))).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            // Ruby's to_i: leading digits, else 0.
            var amount = parts.Length > 1 ? int.TryParse(string.Concat(parts[1].TakeWhile(char.IsAsciiDigit)), out var n) ? n : 0 : 0;
            if (parts[0] == "all")
            {
                all = amount;
            }
            else
            {
                counts[parts[0]] = amount;
            }
        }

        return name => counts.TryGetValue(name, out var n) ? n : all;
    }
}
