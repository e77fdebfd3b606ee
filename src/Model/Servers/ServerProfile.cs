using System.Collections.Immutable;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Servers;

/// <summary>
/// Everything UnitGen knows about one kind of server, asked by the emitters, the rules, the runit
/// control scripts and lint: how it is started and given its config, whether it notifies systemd,
/// takes activated sockets, how it restarts and stops, and how long it drains. A new server type is
/// one profile, registered in <see cref="ServerProfiles"/> (plus its enum member, its config emitter, its
/// schema entry and a sample: docs/architecture.md, checked by NewServerTypeTests).
/// </summary>
internal abstract record ServerProfile
{
    public abstract ServerType Type { get; }

    /// <summary>The word of <c>server.type</c> and of the "Made for:" header.</summary>
    public string Name => Type.ToString().ToLowerInvariant();

    /// <summary>
    /// The <c>server.</c> keys (besides <c>type</c>) that change what UnitGen writes for this server or how its rules
    /// judge it; another key set in a model has no effect (UG0214). Abstract, so a new server states them.
    /// </summary>
    public abstract ImmutableArray<string> ServerKeys { get; }

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

    /// <summary>Every listener <paramref name="line"/> (parsed by <see cref="CommandOptions"/>) adds, with the word it starts at (UG0212).</summary>
    public virtual IReadOnlyList<CommandLineListener> CommandLineListeners(ServerCommandLine line) => [];

    /// <summary>Whether a listener on the command line replaces every bind of the config file, rather than adding to them (UG0212).</summary>
    public virtual bool CommandLineBindsReplaceConfig => false;

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

    /// <summary>The gem a Gemfile.lock locks the server's version by (lint); null when it is no gem.</summary>
    public virtual string? GemName => null;

    /// <summary>What the "Made for:" header states beyond the version: the parts of the server that decide its behaviour.</summary>
    public virtual IEnumerable<string> MadeForNotes(ServerSpec server) => [];

    /// <summary>Whether the model may leave out <c>command</c>: the profile has a <see cref="DefaultCommand"/>, run through the app's bundle.</summary>
    public virtual bool HasDefaultCommand => false;

    /// <summary>The <c>command</c> a model of a server without a default shows as its fix (UG0001).</summary>
    public virtual string RequiredCommandExample => "command: [/usr/bin/program, arg]";

    /// <summary>The command-line options that detach the server from whatever started it (lint, UG0205/UG0206); empty when it has none.</summary>
    public virtual ImmutableArray<string> DaemonizeOptions => [];

    /// <summary>The config-file call that detaches it (puma &lt; 5's <c>daemonize</c>); null when there is none.</summary>
    public virtual string? DaemonizeCall => null;

    /// <summary>Comment lines the service unit opens with: what the app itself must do for the unit to work.</summary>
    public virtual ImmutableArray<string> ServiceUnitNotes => [];

    /// <summary>Whether the runtime always maps writable+executable memory (a JIT that is always on), whatever the model says.</summary>
    public virtual bool AlwaysWritesExecutableMemory => false;

    /// <summary>Whether the app finds out it runs under systemd by reading its parent's <c>/proc/PPID/comm</c>, which ProtectProc=invisible hides.</summary>
    public virtual bool ReadsParentProcess => false;

    /// <summary>The worker processes the master forks; 0 for a single process.</summary>
    public virtual int Workers(ServiceModel model) => 0;

    /// <summary>
    /// Why a phased restart of this model would not run new code (bin/NAME-restart then falls back to a hot
    /// restart); null when it does.
    /// </summary>
    public virtual string? PhasedRestartKeepsOldCode(ServiceModel model) => $"{Name} has no phased restart";

    /// <summary>
    /// The pid file that names the master when the supervisor's main process may not be it (a master that
    /// re-executes, <see cref="ReexecsMaster"/>); otherwise the model's own <c>pidfile</c>, null when none.
    /// </summary>
    public virtual string? MasterPidfile(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Server.Pidfile;
    }

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

    /// <summary>What makes the server take systemd's sockets when <see cref="AcceptsActivatedSockets"/> says no (UG0109's fix); null when nothing can.</summary>
    public virtual string? TakesActivatedSocketsWhen => null;

    /// <summary>Seconds the server may need to finish in-flight requests after the stop signal; null when unknown.</summary>
    public virtual int? DrainSeconds(ServerSpec server) => null;

    /// <summary>Whether the runtime sets thread CPU affinity at start and dies when sched_setaffinity is denied.</summary>
    public virtual bool SetsThreadAffinity => false;

    /// <summary>The signal that performs <paramref name="strategy"/>, null when the server has none for it.</summary>
    public RestartSignal? SignalFor(RestartStrategy strategy) => RestartSignals.FirstOrDefault(s => s.Strategy == strategy);

    /// <summary>The restart strategy a signal performs (what lint reads from a hand-written reload), null when none.</summary>
    public RestartStrategy? StrategyOf(string signal) => RestartSignals.FirstOrDefault(s => s.Signal == signal)?.Strategy;

    /// <summary>
    /// The signal of a phased restart when one can replace the app's code (<see cref="PhasedRestartKeepsOldCode"/>
    /// says none the less); null otherwise: bin/NAME-restart falls back to a hot restart.
    /// </summary>
    public RestartSignal? PhasedRestartSignal(ServiceModel model) =>
        PhasedRestartKeepsOldCode(model) is null ? SignalFor(RestartStrategy.Phased) : null;

    /// <summary>The strategy's own signal, else the hot restart's: what runit sends for it (a stop + start under runit refuses connections, UG0603).</summary>
    public RestartSignal? SignalOrHot(RestartStrategy strategy) => SignalFor(strategy) ?? SignalFor(RestartStrategy.Hot);

    /// <summary>The signal systemd's <c>ExecReload=</c> sends: only one that keeps the main PID (systemd follows no new master).</summary>
    public RestartSignal? SystemdReload(RestartStrategy strategy) => SignalFor(strategy) is { KeepsMainPid: true } signal ? signal : null;

    /// <summary>
    /// The signal runit's <c>sv reload</c> sends through control/h: the strategy's own, else the hot restart
    /// (a stop + start under runit refuses connections, UG0603); null when runsv's own HUP is right or there is none.
    /// </summary>
    public RestartSignal? RunitReload(RestartStrategy strategy) =>
        SignalOrHot(strategy) is { } signal && signal.Signal != "HUP" ? signal : null;

    /// <summary>Why control/h sends <paramref name="signal"/> instead of letting runsv send HUP (its comment line).</summary>
    public virtual string RunitReloadReason(RestartSignal signal) => $"{signal.Signal} instead of HUP.";
}
