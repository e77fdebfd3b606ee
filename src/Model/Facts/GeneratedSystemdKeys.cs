using System.Collections.Frozen;

namespace UnitGen.Model.Facts;

/// <summary>
/// The directives UnitGen's systemd emitters write, by section: the model owns them, so
/// <c>systemd.extra</c> may not set them (UG0731). A test holds this table to every key of every
/// generated unit of the samples.
/// </summary>
internal static class GeneratedSystemdKeys
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> Sections = new Dictionary<string, FrozenSet<string>>
    {
        ["Unit"] = Set("Description", "After", "Requires", "Wants", "PartOf"),
        ["Service"] = Set(
            "Type", "NotifyAccess", "WatchdogSec", "User", "Group", "WorkingDirectory", "EnvironmentFile", "Environment",
            "ExecStart", "ExecReload", "Restart", "RestartSec", "TimeoutStopSec", "KillSignal", "KillMode", "NonBlocking",
            "StandardOutput", "StandardError",
            // The hardening profile (src/Emitters/Systemd/Hardening.cs): `hardening:` and `readWritePaths:` set these.
            "NoNewPrivileges", "ProtectSystem", "ProtectHome", "PrivateTmp", "PrivateDevices", "DevicePolicy",
            "ProtectKernelTunables", "ProtectKernelModules", "ProtectKernelLogs", "ProtectControlGroups", "ProtectClock",
            "ProtectHostname", "ProtectProc", "ProcSubset", "RestrictNamespaces", "RestrictRealtime", "RestrictSUIDSGID",
            "LockPersonality", "RemoveIPC", "KeyringMode", "UMask", "MemoryDenyWriteExecute", "CapabilityBoundingSet",
            "AmbientCapabilities", "RestrictAddressFamilies", "SystemCallArchitectures", "SystemCallFilter",
            "SystemCallErrorNumber", "PrivateUsers", "PrivateIPC", "IPAddressDeny", "IPAddressAllow", "ReadWritePaths"),
        ["Socket"] = Set("ListenStream", "SocketMode", "SocketGroup"),
        ["Install"] = Set("WantedBy"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether UnitGen writes <paramref name="key"/> in <paramref name="section"/> of some unit.</summary>
    public static bool IsGenerated(string section, string key) =>
        Sections.TryGetValue(section, out var keys) && keys.Contains(key);

    private static FrozenSet<string> Set(params string[] keys) => keys.ToFrozenSet(StringComparer.Ordinal);
}
