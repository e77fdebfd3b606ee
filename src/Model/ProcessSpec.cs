using System.Collections.Immutable;

namespace UnitGen.Model;

/// <summary>
/// One of the app's other long-running processes (a sidekiq worker, a clock): it shares the app's
/// user, group, directory, environment, env file and sandbox, and runs as <see cref="Instances"/>
/// copies under the app's target (systemd) or in one service folder each (runit).
/// </summary>
public sealed record ProcessSpec
{
    /// <summary>The key under <c>processes:</c>; names the unit template <c>NAME-PROCESS@.service</c>.</summary>
    public required string Name { get; init; }
    public required ProcessType Type { get; init; }
    /// <summary>Null means unknown: version-aware rules then assume the riskier behaviour.</summary>
    public Version? Version { get; init; }
    /// <summary>Explicit argv; empty means "derive from <see cref="Type"/>" (sidekiq only).</summary>
    public EquatableArray<string> Command { get; init; } = [];
    public string? Config { get; init; }
    public int Instances { get; init; } = 1;
    /// <summary>Seconds running jobs get after the stop signal (sidekiq <c>-t</c>); null = the program's own default.</summary>
    public int? StopTimeout { get; init; }
    public bool Notify { get; init; }
    public int? WatchdogSec { get; init; }
    public EquatableArray<string> Roles { get; init; } = [];

    public bool IsSidekiq => Type == ProcessType.Sidekiq;
}
