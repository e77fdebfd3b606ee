using System.Collections.Immutable;

namespace UnitGen.Lint.Import;

/// <summary>
/// Why a setting of a hand-written file has no place in the model, and where it should go instead:
/// one table for unit directives and one for puma/unicorn DSL calls. A key missing here still gets a
/// comment (the general reason), so nothing the readers saw is dropped without a word.
/// </summary>
internal static class ImportReasons
{
    private const string HardeningProfile = "replaced by the systemd.hardening profile (default | strict | none)";
    private const string LocalConfig = "no model key; move it to the server's local config file (server.localConfig)";

    /// <summary>Unit directives by <c>Section.Key</c>; a bare key applies to every section.</summary>
    public static readonly ImmutableDictionary<string, string> Unit = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Unit.Description"] = "UnitGen writes the unit's description from `description`",
        ["Unit.Requires"] = "no model key; UnitGen writes Requires= only for its own socket",
        ["Service.ExecStop"] = "UnitGen stops the server with its own graceful stop signal (KillSignal=); a stop command would run before it and race it",
        ["Service.TimeoutSec"] = "it also sets TimeoutStopSec=, which UnitGen writes from the server's drain time; carry TimeoutStartSec= in systemd.extra instead",
        ["Service.Type"] = "UnitGen writes Type=simple, or Type=notify with systemd.notify; the server runs in the foreground",
        ["Service.NotifyAccess"] = "UnitGen writes NotifyAccess=main with systemd.notify",
        ["Service.PIDFile"] = "only for Type=forking, which UnitGen does not write: systemd tracks the foreground server as the main process (the server's own pidfile is server.pidfile)",
        ["Service.ExecReload"] = "UnitGen writes ExecReload= from `restart` (puma: USR2 hot, USR1 phased; unicorn: HUP); this command is none of those",
        ["Service.Restart"] = "UnitGen writes Restart=always",
        ["Service.RestartSec"] = "UnitGen writes RestartSec=1",
        ["Service.TimeoutStopSec"] = "UnitGen writes TimeoutStopSec= from the server's own drain time",
        ["Service.KillMode"] = "UnitGen writes the kill mode itself (unicorn: KillMode=process with SIGQUIT; puma: systemd's default, SIGTERM to the whole group)",
        ["Service.KillSignal"] = "UnitGen writes the stop signal itself (unicorn: SIGQUIT, its graceful stop; puma: SIGTERM, its graceful stop)",
        ["Service.NonBlocking"] = "UnitGen writes NonBlocking=true for socket-activated unicorn",
        ["Service.ReadWritePaths"] = "systemd.readWritePaths holds absolute paths only",
        ["Service.NoNewPrivileges"] = HardeningProfile,
        ["Service.ProtectSystem"] = HardeningProfile,
        ["Service.ProtectHome"] = HardeningProfile,
        ["Service.PrivateTmp"] = HardeningProfile,
        ["Service.PrivateDevices"] = HardeningProfile,
        ["Service.ProtectKernelTunables"] = HardeningProfile,
        ["Service.ProtectKernelModules"] = HardeningProfile,
        ["Service.ProtectControlGroups"] = HardeningProfile,
        ["Service.RestrictNamespaces"] = HardeningProfile,
        ["Service.RestrictSUIDSGID"] = HardeningProfile,
        ["Service.LockPersonality"] = HardeningProfile,
        ["Service.MemoryDenyWriteExecute"] = HardeningProfile,
        ["Service.SystemCallArchitectures"] = HardeningProfile,
        ["Service.CapabilityBoundingSet"] = HardeningProfile,
        ["Service.Sockets"] = "UnitGen pairs the service with its own socket",
        ["Socket.Service"] = "UnitGen pairs the socket with its own service",
        ["Socket.SocketMode"] = "applies to unix sockets only, and this socket has none",
        ["Socket.SocketGroup"] = "applies to unix sockets only, and this socket has none",
        ["Socket.ListenStream"] = "UnitGen models TCP and unix stream sockets only",
        ["Install.WantedBy"] = "UnitGen writes WantedBy=multi-user.target (sockets.target for the socket)",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>puma 5.6.5 DSL (lib/puma/dsl.rb) and unicorn 6.0.0 Configurator methods.</summary>
    public static readonly ImmutableDictionary<string, string> Ruby = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bind_to_activated_sockets"] = "UnitGen's config binds exactly the `listen` sockets, which puma takes over from systemd (lib/puma/binder.rb); give the .socket to import so `listen` holds them",
        ["state_path"] = "UnitGen restarts by signal (ExecReload=), not through pumactl's state file; " + LocalConfig,
        ["state_permission"] = LocalConfig,
        ["plugin"] = LocalConfig,
        ["activate_control_app"] = LocalConfig,
        ["stdout_redirect"] = "the logs go where systemd.stdout / systemd.stderr say (or the journal)",
        ["stderr_path"] = "the logs go where systemd.stderr says (or the journal)",
        ["stdout_path"] = "the logs go where systemd.stdout says (or the journal)",
        ["queue_requests"] = "UnitGen's puma.rb decides queue_requests itself (false under socket activation and signal restarts)",
        ["daemonize"] = "removed in puma 5.0; under systemd the server stays in the foreground",
        ["prune_bundler"] = "server.pruneBundler is on or off only",
        ["directory"] = "UnitGen writes the server's directory from `directory` (WorkingDirectory=), which differs",
        ["working_directory"] = "UnitGen writes the server's directory from `directory` (WorkingDirectory=), which differs",
        ["user"] = "the process user comes from `user` (User=)",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    public static string ForUnit(string section, string key) =>
        Unit.TryGetValue($"{section}.{key}", out var reason) ? reason
        : UnitGen.Model.Facts.GeneratedSystemdKeys.IsGenerated(section, key) ? $"UnitGen writes {key}= itself from the model; systemd.extra may not set it (UG0731)"
        : section is "Service" or "Unit" or "Install" or "Socket" ? $"no model key; carry it with systemd.extra ({section}: {{ {key}: ... }}) or a drop-in"
        : "no model key";

    public static string ForRuby(string method) =>
        Ruby.TryGetValue(method, out var reason) ? reason : LocalConfig;
}
