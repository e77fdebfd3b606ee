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

    public override string? GemName => "puma";

    /// <summary>Everything but unicorn's <c>timeout</c> and Kestrel's <c>useSystemd</c> (PumaConfigEmitter, PumaFacts).</summary>
    public override ImmutableArray<string> ServerKeys { get; } =
    [
        "version", "command", "bundler", "config", "rackup", "environment", "workers", "threads", "preload", "forkWorker",
        "sdNotifyGem", "pidfile", "localConfig", "pruneBundler", "binds", "ruby", "yjit",
    ];

    /// <summary>puma 5.1–6.0 notify systemd only through the sd_notify gem (UG0302).</summary>
    public override IEnumerable<string> MadeForNotes(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.SdNotifyGem ? ["sd_notify gem"] : [];
    }

    public override bool HasDefaultCommand => true;

    /// <summary>puma &lt; 5 (<c>-d</c>, <c>--daemon</c>, <c>daemonize</c> in puma.rb); 5.0 removed them (History.md 5.0.0, #2170).</summary>
    public override ImmutableArray<string> DaemonizeOptions { get; } = ["-d", "--daemon"];

    public override string? DaemonizeCall => "daemonize";

    public override ImmutableArray<RestartSignal> RestartSignals { get; } =
    [
        new(RestartStrategy.Phased, "USR1", "phased"),
        new(RestartStrategy.Hot, "USR2", "hot"),
    ];

    public override ImmutableArray<string> ProgramNames { get; } = ["puma"];

    /// <summary>pumactl starts (<c>pumactl start</c>) and controls puma: a hand-written ExecStart of it runs puma.</summary>
    public override ImmutableArray<string> StartingProgramNames { get; } = ["puma", "pumactl"];

    /// <summary>
    /// puma 5.6.5 <c>lib/puma/cli.rb</c> <c>setup_options</c>. Options given here are "user" options that win
    /// over the config file's (puma <c>lib/puma/configuration.rb</c> <c>UserFileDefaultOptions</c>): a
    /// <c>-b</c> or <c>-p</c> replaces every bind of puma.rb. <c>-p PORT</c> binds <c>tcp://0.0.0.0:PORT</c>
    /// (<c>Configuration::DefaultTCPHost</c>). Every <c>-C</c> is loaded, in order.
    /// </summary>
    public override ImmutableArray<ServerOption> CommandOptions { get; } =
    [
        new('b', "bind", OptionValue.Required, ServerOptionRole.Bind),
        new(null, "bind-to-activated-sockets", OptionValue.Optional),
        new('C', "config", OptionValue.Required, ServerOptionRole.Config),
        new(null, "no-config", OptionValue.None, ServerOptionRole.NoConfig),
        new(null, "control-url", OptionValue.Required),
        new(null, "control-token", OptionValue.Required),
        new(null, "debug", OptionValue.None),
        new(null, "dir", OptionValue.Required),
        new('e', "environment", OptionValue.Required, ModelKey: "environment"),
        new('f', "fork-worker", OptionValue.Optional, ModelKey: "forkWorker"),
        new('I', "include", OptionValue.Required),
        new('p', "port", OptionValue.Required, ServerOptionRole.Port),
        new(null, "pidfile", OptionValue.Required, ModelKey: "pidfile"),
        new(null, "preload", OptionValue.None, ModelKey: "preload"),
        new(null, "prune-bundler", OptionValue.None, ModelKey: "pruneBundler"),
        new(null, "extra-runtime-dependencies", OptionValue.Required),
        new('q', "quiet", OptionValue.None),
        new('v', "log-requests", OptionValue.None),
        new('R', "restart-cmd", OptionValue.Required),
        new('s', "silent", OptionValue.None),
        new('S', "state", OptionValue.Required),
        new('t', "threads", OptionValue.Required, ModelKey: "threads"),
        new(null, "early-hints", OptionValue.None),
        new('V', "version", OptionValue.None),
        new('w', "workers", OptionValue.Required, ModelKey: "workers"),
        new(null, "tag", OptionValue.Required),
        new(null, "redirect-stdout", OptionValue.Required),
        new(null, "redirect-stderr", OptionValue.Required),
        new(null, "redirect-append", OptionValue.None),
        new(null, "no-redirect-append", OptionValue.None),
        new('h', "help", OptionValue.None),
    ];

    /// <summary><c>-b URI</c> as written; <c>-p PORT</c> is tcp://0.0.0.0:PORT (Configuration::DefaultTCPHost).</summary>
    public override IReadOnlyList<CommandLineListener> CommandLineListeners(ServerCommandLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return
        [
            .. line.Arguments
                .Where(a => a.Role is ServerOptionRole.Bind or ServerOptionRole.Port)
                .Select(a => new CommandLineListener(line.WordOf(a), a.Text, a.Value is null ? null
                    : ListenAddress.Parse(a.Role == ServerOptionRole.Bind ? a.Value : $"tcp://0.0.0.0:{a.Value}"))),
        ];
    }

    /// <summary>Command-line options are user options that win over the config file's (configuration.rb UserFileDefaultOptions).</summary>
    public override bool CommandLineBindsReplaceConfig => true;

    public override ImmutableArray<string> DefaultCommand(ServerSpec server, string configPath) => ["puma", ConfigOption!, configPath];

    public override bool CanNotify(ServerSpec server) => PumaFacts.CanNotify(server);

    public override int? DrainSeconds(ServerSpec server) => PumaFacts.WorkerShutdownTimeoutSeconds;

    public override int Workers(ServiceModel model) => PumaFacts.Workers(model);

    /// <summary>
    /// Only cluster mode has a phased restart, and it runs new code only without preload (5.6.5
    /// lib/puma/cluster.rb <c>phased_restart</c>: <c>return false if @options[:preload_app]</c>).
    /// </summary>
    public override string? PhasedRestartKeepsOldCode(ServiceModel model) =>
        Workers(model) == 0 ? "puma runs in single mode, which has no phased restart"
        : PumaFacts.EffectivePreload(model) ? "puma preloads the app, so a phased restart would keep the old code (puma lib/puma/cluster.rb)"
        : null;

    public override string RunitReloadReason(RestartSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return $"HUP would shut puma down (no stdout_redirect, puma docs/signals.md): a {signal.Label} restart ({signal.Signal}) instead.";
    }
}
