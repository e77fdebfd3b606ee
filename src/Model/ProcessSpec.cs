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
    /// <summary>Explicit argv; empty means "derive from <see cref="Type"/>" (sidekiq only; see <see cref="EffectiveCommand"/>).</summary>
    public EquatableArray<string> Command { get; init; } = [];
    public string? Config { get; init; }
    public int Instances { get; init; } = 1;
    /// <summary>Seconds running jobs get after the stop signal (sidekiq <c>-t</c>); null = the program's own default.</summary>
    public int? StopTimeout { get; init; }
    public bool Notify { get; init; }
    public int? WatchdogSec { get; init; }
    public EquatableArray<string> Roles { get; init; } = [];

    public bool IsSidekiq => Type == ProcessType.Sidekiq;

    /// <summary>What UnitGen knows about this type of process.</summary>
    internal Servers.ProcessProfile Profile => Servers.ProcessProfiles.Of(Type);

    /// <summary>
    /// The argv that ExecStart / the runit run script execs: the model's <see cref="Command"/>, else the type's
    /// default run from the app's bundle (<c>bundle exec --keep-file-descriptors sidekiq -C CONFIG -t N</c>),
    /// the same launcher as the web server's default; empty for a <c>command</c> process without one.
    /// </summary>
    public ImmutableArray<string> EffectiveCommand() =>
        !Command.IsEmpty ? Command : Servers.BundledCommand.Of(Profile.DefaultProgram(this));
}
