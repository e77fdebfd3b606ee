using System.Collections.Immutable;

namespace UnitGen.Model.Servers;

/// <summary>The profile of every process type.</summary>
internal static class ProcessProfiles
{
    public static ImmutableArray<ProcessProfile> All { get; } = [new SidekiqProfile(), new CommandProcessProfile()];

    private static readonly ImmutableDictionary<ProcessType, ProcessProfile> ByType = All.ToImmutableDictionary(p => p.Type);

    public static ProcessProfile Of(ProcessType type) =>
        ByType.TryGetValue(type, out var profile) ? profile : throw new ArgumentOutOfRangeException(nameof(type), type, "no profile for this process type");
}
