using System.Collections.Immutable;

namespace UnitGen.Model.Facts;

/// <summary>
/// The command-line options of each server, copied in meaning (not text) from its OptionParser: an
/// option not listed here makes the server exit with "invalid option", and the roles say which ones
/// decide the config file and the listen addresses.
/// </summary>
internal static class ServerOptionTables
{
    /// <summary>
    /// puma 5.6.5 <c>lib/puma/cli.rb</c> <c>setup_options</c>. Options given here are "user" options that win
    /// over the config file's (puma <c>lib/puma/configuration.rb</c> <c>UserFileDefaultOptions</c>): a
    /// <c>-b</c> or <c>-p</c> replaces every bind of puma.rb. <c>-p PORT</c> binds <c>tcp://0.0.0.0:PORT</c>
    /// (<c>Configuration::DefaultTCPHost</c>). Every <c>-C</c> is loaded, in order.
    /// </summary>
    public static readonly ImmutableArray<ServerOption> Puma =
    [
        new('b', "bind", OptionValue.Required, ServerOptionRole.Bind),
        new(null, "bind-to-activated-sockets", OptionValue.Optional),
        new('C', "config", OptionValue.Required, ServerOptionRole.Config),
        new(null, "no-config", OptionValue.None, ServerOptionRole.NoConfig),
        new(null, "control-url", OptionValue.Required),
        new(null, "control-token", OptionValue.Required),
        new(null, "debug", OptionValue.None),
        new(null, "dir", OptionValue.Required),
        new('e', "environment", OptionValue.Required),
        new('f', "fork-worker", OptionValue.Optional),
        new('I', "include", OptionValue.Required),
        new('p', "port", OptionValue.Required, ServerOptionRole.Port),
        new(null, "pidfile", OptionValue.Required),
        new(null, "preload", OptionValue.None),
        new(null, "prune-bundler", OptionValue.None),
        new(null, "extra-runtime-dependencies", OptionValue.Required),
        new('q', "quiet", OptionValue.None),
        new('v', "log-requests", OptionValue.None),
        new('R', "restart-cmd", OptionValue.Required),
        new('s', "silent", OptionValue.None),
        new('S', "state", OptionValue.Required),
        new('t', "threads", OptionValue.Required),
        new(null, "early-hints", OptionValue.None),
        new('V', "version", OptionValue.None),
        new('w', "workers", OptionValue.Required),
        new(null, "tag", OptionValue.Required),
        new(null, "redirect-stdout", OptionValue.Required),
        new(null, "redirect-stderr", OptionValue.Required),
        new(null, "redirect-append", OptionValue.None),
        new(null, "no-redirect-append", OptionValue.None),
        new('h', "help", OptionValue.None),
    ];

    /// <summary>
    /// unicorn 6.0.0 <c>bin/unicorn</c>. Only the last <c>-c</c> counts (<c>options[:config_file] = f</c>).
    /// Every <c>-l</c> is bound in addition to the config file's <c>listen</c>s, and <c>-o</c>/<c>-p</c> add one
    /// more listener HOST:PORT, defaults 0.0.0.0 and 8080 (<c>lib/unicorn/configurator.rb</c> <c>reload</c>,
    /// <c>lib/unicorn/const.rb</c>).
    /// </summary>
    public static readonly ImmutableArray<ServerOption> Unicorn =
    [
        new('e', "eval", OptionValue.Required),
        new('d', "debug", OptionValue.None),
        new('w', "warn", OptionValue.None),
        new('I', "include", OptionValue.Required),
        new('r', "require", OptionValue.Required),
        new('o', "host", OptionValue.Required, ServerOptionRole.Host),
        new('p', "port", OptionValue.Required, ServerOptionRole.Port),
        new('E', "env", OptionValue.Required),
        new('N', "no-default-middleware", OptionValue.None),
        new('D', "daemonize", OptionValue.None),
        new('P', "pid", OptionValue.Required),
        new('s', "server", OptionValue.Required),
        new('l', "listen", OptionValue.Required, ServerOptionRole.Bind),
        new('c', "config-file", OptionValue.Required, ServerOptionRole.Config),
        new('h', "help", OptionValue.None),
        new('v', "version", OptionValue.None),
    ];

    /// <summary>The table of a server type; empty for servers UnitGen writes no config for.</summary>
    public static ImmutableArray<ServerOption> For(ServerType type) => type switch
    {
        ServerType.Puma => Puma,
        ServerType.Unicorn => Unicorn,
        _ => [],
    };

    /// <summary>The option that loads the generated config, as UnitGen writes it.</summary>
    public static string ConfigFlag(ServerType type) => type == ServerType.Unicorn ? "-c" : "-C";

    /// <summary>The program names of a server type (unicorn_rails takes unicorn's options).</summary>
    public static ImmutableArray<string> ProgramNames(ServerType type) => type switch
    {
        ServerType.Puma => ["puma"],
        ServerType.Unicorn => ["unicorn", "unicorn_rails"],
        _ => [],
    };
}
