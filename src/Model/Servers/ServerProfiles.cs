using System.Collections.Immutable;

namespace UnitGen.Model.Servers;

/// <summary>The profile of every server type.</summary>
internal static class ServerProfiles
{
    public static ImmutableArray<ServerProfile> All { get; } =
        [new PumaProfile(), new UnicornProfile(), new KestrelProfile(), new CommandProfile()];

    private static readonly ImmutableDictionary<ServerType, ServerProfile> ByType = All.ToImmutableDictionary(p => p.Type);

    public static ServerProfile Of(ServerType type) =>
        ByType.TryGetValue(type, out var profile) ? profile : throw new ArgumentOutOfRangeException(nameof(type), type, "no profile for this server type");
}
