using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace UnitGen.Lint;

/// <summary>
/// The versions lint takes for the servers it reads, and where they came from: <c>--puma-version</c> /
/// <c>--bundler-version</c>, a Gemfile.lock, or the "Made for:" header of files UnitGen generated.
/// Unknown stays null: version-aware rules then assume the riskier behaviour.
/// </summary>
internal sealed partial record LockedVersions
{
    public static readonly LockedVersions None = new();

    /// <summary>The server versions known, by profile name (<see cref="Model.Servers.ServerProfile.Name"/>).</summary>
    public ImmutableSortedDictionary<string, Version> Servers { get; init; } = ImmutableSortedDictionary.Create<string, Version>(StringComparer.Ordinal);

    public Version? Bundler { get; init; }

    /// <summary>The sd_notify gem is in the bundle (puma 5.1–6.0 notify through it).</summary>
    public bool SdNotifyGem { get; init; }

    /// <summary>Kestrel: the app calls UseSystemd() (only a "Made for:" header can say so).</summary>
    public bool UseSystemd { get; init; }

    /// <summary>Where the versions came from, for messages: "Gemfile.lock", "--puma-version".</summary>
    public string? Source { get; init; }

    /// <summary>The version of the server of profile <paramref name="name"/>; null when unknown.</summary>
    public Version? Server(string name) => Servers.GetValueOrDefault(name);

    /// <summary>These versions with the server's set; an unknown (null) version leaves the known one.</summary>
    public LockedVersions WithServer(string name, Version? version) =>
        version is null ? this : this with { Servers = Servers.SetItem(name, version) };

    /// <summary>Values of <paramref name="over"/> win; the rest are kept.</summary>
    public LockedVersions With(LockedVersions over)
    {
        ArgumentNullException.ThrowIfNull(over);
        return new LockedVersions
        {
            Servers = Servers.SetItems(over.Servers),
            Bundler = over.Bundler ?? Bundler,
            SdNotifyGem = over.SdNotifyGem || SdNotifyGem,
            UseSystemd = over.UseSystemd || UseSystemd,
            Source = over.Source ?? Source,
        };
    }

    /// <summary>A version as gems write it: <c>5.6.5</c>, <c>6.4.2-java</c>, <c>2.4.22</c>; null when not one.</summary>
    public static Version? ParseVersion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = VersionText().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var parts = m.Groups["v"].Value.Split('.').Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).ToList();
        while (parts.Count < 2)
        {
            parts.Add(0);
        }

        return parts.Count switch
        {
            2 => new Version(parts[0], parts[1]),
            3 => new Version(parts[0], parts[1], parts[2]),
            _ => new Version(parts[0], parts[1], parts[2], parts[3]),
        };
    }

    [GeneratedRegex(@"^(?<v>\d{1,6}(\.\d{1,6}){0,3})")]
    private static partial Regex VersionText();
}
