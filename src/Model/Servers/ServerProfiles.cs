using System.Collections.Immutable;

namespace UnitGen.Model.Servers;

/// <summary>The profile of every server type.</summary>
internal static class ServerProfiles
{
    public static ImmutableArray<ServerProfile> All { get; } =
        [new PumaProfile(), new UnicornProfile(), new KestrelProfile(), new CommandProfile()];

    private static readonly ImmutableDictionary<ServerType, ServerProfile> ByType = All.ToImmutableDictionary(p => p.Type);

    /// <summary>The server a hand-written command line starts, by the file names of its words: the first profile that says so, else a plain command.</summary>
    public static ServerProfile StartedBy(IReadOnlyList<string> programs) =>
        All.FirstOrDefault(p => p.IsStartedBy(programs)) ?? Of(ServerType.Command);

    /// <summary>Every program name a profile starts its server with, longest first (lint strips wrapper prefixes such as rvm's <c>app_puma</c>).</summary>
    public static ImmutableArray<string> StartingProgramNames { get; } =
        [.. All.SelectMany(p => p.StartingProgramNames).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)];

    public static ServerProfile Of(ServerType type) =>
        ByType.TryGetValue(type, out var profile) ? profile : throw new ArgumentOutOfRangeException(nameof(type), type, $"no profile for ServerType.{type}: add its profile to ServerProfiles.All");
}
