using System.Collections.Immutable;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Servers;

/// <summary>
/// Puma 5.6.5: USR2 is a hot restart (exec in place, same PID, listeners kept), USR1 a phased one
/// (cluster mode only), HUP without stdout_redirect shuts puma down (puma docs/signals.md,
/// lib/puma/launcher.rb <c>setup_signals</c>).
/// </summary>
internal sealed record PumaProfile : ServerProfile
{
    public override ServerType Type => ServerType.Puma;

    public override string? ConfigFileName => "puma.rb";

    public override string? ConfigOption => "-C";

    public override bool HasKnownVersions => true;

    public override ImmutableArray<RestartSignal> RestartSignals { get; } =
    [
        new(RestartStrategy.Phased, "USR1", "phased"),
        new(RestartStrategy.Hot, "USR2", "hot"),
    ];

    public override ImmutableArray<string> DefaultCommand(ServerSpec server, string configPath) => ["puma", ConfigOption!, configPath];

    public override bool CanNotify(ServerSpec server) => PumaFacts.CanNotify(server);

    public override int? DrainSeconds(ServerSpec server) => PumaFacts.WorkerShutdownTimeoutSeconds;

    public override string RunitReloadReason(RestartSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return $"HUP would shut puma down (no stdout_redirect, puma docs/signals.md): a {signal.Label} restart ({signal.Signal}) instead.";
    }
}
