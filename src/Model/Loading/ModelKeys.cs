using System.Collections.Immutable;

namespace UnitGen.Model.Loading;

/// <summary>
/// The declarative key table of <c>unitgen.yaml</c> (after podman quadlet's key tables): a key not
/// listed here is a hard error. The JSON schema is tested against this table key for key.
/// </summary>
public static class ModelKeys
{
    public static readonly ImmutableArray<string> Root =
    [
        "name", "description", "user", "allowRoot", "group", "directory", "environment", "envFile",
        "server", "listen", "restart", "supervisor", "systemd", "runit", "processes",
    ];

    public static readonly ImmutableArray<string> Server =
    [
        "type", "version", "command", "bundler", "config", "rackup", "environment", "workers", "threads",
        "preload", "forkWorker", "sdNotifyGem", "pidfile", "timeout", "useSystemd", "binds",
        "ruby", "yjit",
    ];

    public static readonly ImmutableArray<string> Threads = ["min", "max"];

    public static readonly ImmutableArray<string> Listener = ["uri", "mode", "group"];

    public static readonly ImmutableArray<string> Systemd =
    [
        "socketActivation", "notify", "watchdogSec", "hardening", "stdout", "stderr", "after", "wants",
    ];

    public static readonly ImmutableArray<string> Runit = ["serviceDir", "logDir"];

    /// <summary>One entry of <c>processes:</c> (its key is the process name).</summary>
    public static readonly ImmutableArray<string> Process =
    [
        "type", "version", "command", "config", "instances", "stopTimeout", "notify", "watchdogSec", "roles",
    ];

    /// <summary>Every mapping of the model by its schema location ("" is the root, "listen[]" an item).</summary>
    public static readonly ImmutableDictionary<string, ImmutableArray<string>> Sections =
        new Dictionary<string, ImmutableArray<string>>
        {
            [""] = Root,
            ["server"] = Server,
            ["server.threads"] = Threads,
            ["listen[]"] = Listener,
            ["systemd"] = Systemd,
            ["runit"] = Runit,
            ["processes.*"] = Process,
        }.ToImmutableDictionary();
}
