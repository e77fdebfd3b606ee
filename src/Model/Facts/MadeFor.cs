using System.Text.RegularExpressions;

namespace UnitGen.Model.Facts;

/// <summary>
/// The header line of generated files that names what they were made for —
/// <c># Made for: puma 5.6.5, sd_notify gem, bundler 2.4.22</c> — so that <c>unitgen lint</c> of
/// UnitGen's own output knows the versions the model stated instead of assuming the riskier ones.
/// </summary>
internal static partial class MadeFor
{
    public const string Prefix = "Made for: ";

    /// <summary>The comment text (without <c>#</c>) for a server; null when the model states nothing version-like.</summary>
    public static string? Text(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var parts = new List<string>();
        if (server.Version is { } version && server.Profile.HasKnownVersions)
        {
            parts.Add($"{server.Profile.Name} {version}");
        }

        parts.AddRange(server.Profile.MadeForNotes(server));

        if (server.Bundler is { } bundler)
        {
            parts.Add($"bundler {bundler}");
        }

        return parts.Count == 0 ? null : Prefix + string.Join(", ", parts);
    }

    /// <summary>
    /// The comment text for a worker process's files (its unit template, its runit run scripts):
    /// <c>Made for: sidekiq 6.4.1, bundler 2.3.27</c>; null when the model states nothing version-like.
    /// </summary>
    public static string? Text(ProcessSpec process, ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(server);
        var parts = new List<string>();
        if (process.Version is { } version && process.Profile.HasKnownVersions)
        {
            parts.Add($"{process.Profile.Name} {version}");
        }

        if (server.Bundler is { } bundler)
        {
            parts.Add($"bundler {bundler}");
        }

        return parts.Count == 0 ? null : Prefix + string.Join(", ", parts);
    }

    /// <summary>The parts of a "Made for:" comment line (<c>puma 5.6.5</c>, <c>sd_notify gem</c>…); empty when the line is none.</summary>
    public static IReadOnlyList<(string Name, string? Version)> Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var m = Line().Match(line);
        if (!m.Success)
        {
            return [];
        }

        return
        [
            .. m.Groups["parts"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split(' ', 2) is [var name, var rest] && char.IsAsciiDigit(rest[0]) ? (name, (string?)rest) : (p, null)),
        ];
    }

    [GeneratedRegex(@"^\s*#\s*Made for: (?<parts>.+?)\.?\s*$")]
    private static partial Regex Line();
}
