using System.Collections.Immutable;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Servers;

/// <summary>
/// Unicorn 6.0.0 (SIGNALS): HUP reloads the config and replaces the workers gracefully, USR2 re-executes
/// the master as a new process (an upgrade), QUIT is the graceful stop (examples/unicorn@.service).
/// </summary>
internal sealed record UnicornProfile : ServerProfile
{
    /// <summary>Unicorn's worker <c>timeout</c> default (unicorn <c>lib/unicorn/configurator.rb</c>).</summary>
    public const int DefaultTimeoutSeconds = 60;

    public override ServerType Type => ServerType.Unicorn;

    public override string? ConfigFileName => "unicorn.rb";

    public override string? ConfigOption => "-c";

    public override bool HasKnownVersions => true;

    public override string? GemName => "unicorn";

    /// <summary>
    /// UnicornConfigEmitter and UnicornFacts: no threads (one request per worker), no puma options, and no
    /// <c>environment</c> — UnitGen passes no <c>-E</c>; RACK_ENV in <c>environment:</c> is what sets it.
    /// </summary>
    public override ImmutableArray<string> ServerKeys { get; } =
    [
        "version", "command", "bundler", "config", "rackup", "workers", "preload", "pidfile", "timeout", "localConfig",
        "binds", "ruby", "yjit",
    ];

    public override bool HasDefaultCommand => true;

    /// <summary>unicorn 6.0.0 bin/unicorn: <c>-D</c>/<c>--daemonize</c>.</summary>
    public override ImmutableArray<string> DaemonizeOptions { get; } = ["-D", "--daemonize"];

    public override ImmutableArray<RestartSignal> RestartSignals { get; } =
    [
        new(RestartStrategy.Normal, "HUP", "HUP: workers restart one generation at a time"),
        new(RestartStrategy.Phased, "HUP", "HUP: workers restart one generation at a time"),
        new(RestartStrategy.Hot, "USR2", "USR2 upgrade", KeepsMainPid: false),
    ];

    /// <summary>Unicorn always read unicorn.local.rb (its after_fork hooks live there); puma only when asked, so existing puma.rb stay as they were.</summary>
    protected override bool LoadsLocalConfigByDefault => true;

    /// <summary>Only the master is signalled; inherited sockets must be non-blocking (a [Service] key in systemd 252).</summary>
    public override StopSignal? Stop { get; } = new("SIGQUIT", MainProcessOnly: true, NonBlockingSockets: true);

    /// <summary>unicorn_rails takes unicorn's options (unicorn 6.0.0 bin/unicorn_rails).</summary>
    public override ImmutableArray<string> ProgramNames { get; } = ["unicorn", "unicorn_rails"];

    /// <summary>
    /// unicorn 6.0.0 <c>bin/unicorn</c>. Only the last <c>-c</c> counts (<c>options[:config_file] = f</c>).
    /// Every <c>-l</c> is bound in addition to the config file's <c>listen</c>s, and <c>-o</c>/<c>-p</c> add one
    /// more listener HOST:PORT, defaults 0.0.0.0 and 8080 (<c>lib/unicorn/configurator.rb</c> <c>reload</c>,
    /// <c>lib/unicorn/const.rb</c>).
    /// </summary>
    public override ImmutableArray<ServerOption> CommandOptions { get; } =
    [
        new('e', "eval", OptionValue.Required),
        new('d', "debug", OptionValue.None),
        new('w', "warn", OptionValue.None),
        new('I', "include", OptionValue.Required),
        new('r', "require", OptionValue.Required),
        new('o', "host", OptionValue.Required, ServerOptionRole.Host),
        new('p', "port", OptionValue.Required, ServerOptionRole.Port),
        new('E', "env", OptionValue.Required, ModelKey: "environment"),
        new('N', "no-default-middleware", OptionValue.None),
        new('D', "daemonize", OptionValue.None),
        new('P', "pid", OptionValue.Required, ModelKey: "pidfile"),
        new('s', "server", OptionValue.Required),
        new('l', "listen", OptionValue.Required, ServerOptionRole.Bind),
        new('c', "config-file", OptionValue.Required, ServerOptionRole.Config),
        new('h', "help", OptionValue.None),
        new('v', "version", OptionValue.None),
    ];

    /// <summary>Every <c>-l</c> address, and one listener from the last <c>-o</c> and <c>-p</c> (bin/unicorn rackup_opts).</summary>
    public override IReadOnlyList<CommandLineListener> CommandLineListeners(ServerCommandLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var found = line.Arguments.Where(a => a.Role == ServerOptionRole.Bind)
            .Select(a => new CommandLineListener(line.WordOf(a), a.Text, a.Value is null ? null : ListenAddressOf(a.Value)))
            .ToList();
        var host = line.Arguments.LastOrDefault(a => a.Role == ServerOptionRole.Host);
        var port = line.Arguments.LastOrDefault(a => a.Role == ServerOptionRole.Port);
        if ((host ?? port) is { } any)
        {
            var text = string.Join(' ', new[] { host?.Text, port?.Text }.OfType<string>());
            var h = host?.Value ?? "0.0.0.0";
            found.Add(new CommandLineListener(line.WordOf(any), text,
                ListenAddress.Parse($"tcp://{(h.Contains(':', StringComparison.Ordinal) && !h.StartsWith('[') ? $"[{h}]" : h)}:{port?.Value ?? "8080"}")));
        }

        return found;
    }

    /// <summary>A unicorn listen address (lib/unicorn/configurator.rb expand_addr): a path, <c>unix:PATH</c>, a bare port (0.0.0.0), or HOST:PORT.</summary>
    private static ListenAddress? ListenAddressOf(string text) =>
        text.StartsWith('/') ? new UnixAddress(text)
        : text.StartsWith("unix:", StringComparison.Ordinal) ? new UnixAddress(text["unix:".Length..])
        : text.All(char.IsAsciiDigit) ? ListenAddress.Parse($"tcp://0.0.0.0:{text}")
        : ListenAddress.Parse($"tcp://{(text.StartsWith("*:", StringComparison.Ordinal) ? "0.0.0.0" + text[1..] : text)}");

    /// <summary><c>unicorn -c CONFIG [RACKUP]</c>: the rackup file is unicorn's one argument.</summary>
    public override ImmutableArray<string> DefaultCommand(ServerSpec server, string configPath)
    {
        ArgumentNullException.ThrowIfNull(server);
        return ["unicorn", ConfigOption!, configPath, .. server.Rackup is null ? Array.Empty<string>() : [server.Rackup]];
    }

    /// <summary>Unicorn never sends READY=1.</summary>
    public override bool CanNotify(ServerSpec server) => false;

    public override int? DrainSeconds(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.Timeout ?? DefaultTimeoutSeconds;
    }

    public override int Workers(ServiceModel model) => UnicornFacts.Workers(model);

    /// <summary>HUP picks up new code only when preload_app is false (unicorn 6.0.0 SIGNALS).</summary>
    public override string? PhasedRestartKeepsOldCode(ServiceModel model) =>
        UnicornFacts.Preload(model) ? "unicorn preloads the app, so HUP would keep the old code (unicorn SIGNALS)" : null;

    /// <summary>After a USR2 upgrade the master is a new process that only its pid file names (unicorn-follow).</summary>
    public override string? MasterPidfile(ServiceModel model) => UnicornFacts.Pidfile(model);

    public override string RunitReloadReason(RestartSignal signal) =>
        "a USR2 upgrade instead of HUP; unicorn-follow passes it to the master and follows the new one.";
}
