using System.Collections.Immutable;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Servers;

/// <summary>
/// Everything UnitGen knows about one kind of server, asked by the emitters, the rules, the runit
/// control scripts and lint: how it is started and given its config, whether it notifies systemd,
/// takes activated sockets, how it restarts and stops, and how long it drains. A new server type is
/// one profile (plus its config emitter, its schema entry and a sample).
/// </summary>
internal abstract record ServerProfile
{
    public abstract ServerType Type { get; }

    /// <summary>The word of <c>server.type</c> and of the "Made for:" header.</summary>
    public string Name => Type.ToString().ToLowerInvariant();

    /// <summary>The config file UnitGen writes for the server (<c>puma.rb</c>), null when it writes none.</summary>
    public virtual string? ConfigFileName => null;

    /// <summary>The option that passes the config file (puma <c>-C</c>, unicorn <c>-c</c>), null when there is none.</summary>
    public virtual string? ConfigOption => null;

    /// <summary>The programs that run the server and take <see cref="CommandOptions"/>; empty when UnitGen reads no command line of it.</summary>
    public virtual ImmutableArray<string> ProgramNames => [];

    /// <summary>
    /// The server's command-line options, copied in meaning (not text) from its OptionParser: an option not listed
    /// makes the server exit with "invalid option", and the roles say which ones decide the config file and the
    /// listen addresses (<see cref="Facts.ServerCommandLine"/>).
    /// </summary>
    public virtual ImmutableArray<ServerOption> CommandOptions => [];

    /// <summary>The programs whose hand-written ExecStart starts this server (lint): its own, and tools that start it.</summary>
    public virtual ImmutableArray<string> StartingProgramNames => ProgramNames;

    /// <summary>Whether a hand-written command line, by the file names of its words, starts this server (lint's reading of a unit).</summary>
    public virtual bool IsStartedBy(IReadOnlyList<string> programs)
    {
        ArgumentNullException.ThrowIfNull(programs);
        return programs.Any(StartingProgramNames.Contains);
    }

    /// <summary>Whether the server's version is worth stating in the "Made for:" header (lint reads it back).</summary>
    public virtual bool HasKnownVersions => false;

    /// <summary>The signals of each restart strategy, in the order messages list them; empty when UnitGen knows none.</summary>
    public virtual ImmutableArray<RestartSignal> RestartSignals => [];

    /// <summary>The graceful stop, when it is not systemd's default SIGTERM to every process.</summary>
    public virtual StopSignal? Stop => null;

    /// <summary>
    /// Whether a restart re-executes the master as a new process (unicorn USR2): runit must then follow
    /// the new master (unicorn-follow) instead of exec'ing the server itself.
    /// </summary>
    public bool ReexecsMaster => RestartSignals.Any(s => !s.KeepsMainPid);

    /// <summary>
    /// Whether the config file UnitGen writes reads its <c>.local.rb</c> beside it (<c>server.localConfig</c>);
    /// an explicit setting wins, else the server's own default.
    /// </summary>
    public bool LoadsLocalConfig(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.LocalConfig ?? LoadsLocalConfigByDefault;
    }

    /// <summary>The default of <c>server.localConfig</c> for this server.</summary>
    protected virtual bool LoadsLocalConfigByDefault => false;

    /// <summary>The argv when the model has no <c>command</c>, without <c>bundle exec</c>; empty when there is no default.</summary>
    public virtual ImmutableArray<string> DefaultCommand(ServerSpec server, string configPath) => [];

    /// <summary>Whether the main process can send READY=1 itself (RULES.md UG0302).</summary>
    public abstract bool CanNotify(ServerSpec server);

    /// <summary>Whether the server takes over LISTEN_FDS sockets from systemd (UG0109).</summary>
    public virtual bool AcceptsActivatedSockets(ServerSpec server) => true;

    /// <summary>Seconds the server may need to finish in-flight requests after the stop signal; null when unknown.</summary>
    public virtual int? DrainSeconds(ServerSpec server) => null;

    /// <summary>Whether the runtime sets thread CPU affinity at start and dies when sched_setaffinity is denied.</summary>
    public virtual bool SetsThreadAffinity => false;

    /// <summary>The signal that performs <paramref name="strategy"/>, null when the server has none for it.</summary>
    public RestartSignal? SignalFor(RestartStrategy strategy) => RestartSignals.FirstOrDefault(s => s.Strategy == strategy);

    /// <summary>The restart strategy a signal performs (what lint reads from a hand-written reload), null when none.</summary>
    public RestartStrategy? StrategyOf(string signal) => RestartSignals.FirstOrDefault(s => s.Signal == signal)?.Strategy;

    /// <summary>The signal systemd's <c>ExecReload=</c> sends: only one that keeps the main PID (systemd follows no new master).</summary>
    public RestartSignal? SystemdReload(RestartStrategy strategy) => SignalFor(strategy) is { KeepsMainPid: true } signal ? signal : null;

    /// <summary>
    /// The signal runit's <c>sv reload</c> sends through control/h: the strategy's own, else the hot restart
    /// (a stop + start under runit refuses connections, UG0603); null when runsv's own HUP is right or there is none.
    /// </summary>
    public RestartSignal? RunitReload(RestartStrategy strategy) =>
        (SignalFor(strategy) ?? SignalFor(RestartStrategy.Hot)) is { } signal && signal.Signal != "HUP" ? signal : null;

    /// <summary>Why control/h sends <paramref name="signal"/> instead of letting runsv send HUP (its comment line).</summary>
    public virtual string RunitReloadReason(RestartSignal signal) => $"{signal.Signal} instead of HUP.";
}
