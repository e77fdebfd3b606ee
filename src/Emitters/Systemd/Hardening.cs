using UnitGen.Model;
using UnitGen.Emitters.Writers;

namespace UnitGen.Emitters.Systemd;

/// <summary>
/// The sandbox of a generated service, derived from the model: everything read-only but the paths
/// the model says the app writes. Measured with <c>systemd-analyze security --offline=yes</c>:
/// see tests/UnitGen.Tests/Emitters/SystemdRealToolTests.cs for the scores it must keep.
/// </summary>
internal static class Hardening
{
    public static void Write(SystemdUnitWriter unit, ServiceModel model)
    {
        var profile = model.Systemd.Hardening;
        if (profile == HardeningProfile.None)
        {
            return;
        }

        unit.Comment($"Hardening profile `{profile.ToString().ToLowerInvariant()}`: read-only system, writable only where the model needs it.");
        unit.Value("NoNewPrivileges", true);
        unit.Value("ProtectSystem", "strict");
        unit.Value("ProtectHome", true);
        unit.Value("PrivateTmp", true);
        unit.Value("PrivateDevices", true);
        unit.Value("DevicePolicy", "closed");
        unit.Value("ProtectKernelTunables", true);
        unit.Value("ProtectKernelModules", true);
        unit.Value("ProtectKernelLogs", true);
        unit.Value("ProtectControlGroups", true);
        unit.Value("ProtectClock", true);
        unit.Value("ProtectHostname", true);
        unit.Value("ProtectProc", "invisible");
        unit.Value("ProcSubset", "pid");
        unit.Value("RestrictNamespaces", true);
        unit.Value("RestrictRealtime", true);
        unit.Value("RestrictSUIDSGID", true);
        unit.Value("LockPersonality", true);
        unit.Value("RemoveIPC", true);
        unit.Value("KeyringMode", "private");
        unit.Value("UMask", "0027");
        if (model.Server.Type != ServerType.Kestrel)
        {
            // MRI Ruby without YJIT never maps writable+executable memory; .NET's JIT does.
            unit.Value("MemoryDenyWriteExecute", true);
        }

        unit.Value("CapabilityBoundingSet", string.Empty);
        unit.Value("AmbientCapabilities", string.Empty);
        unit.Value("RestrictAddressFamilies", "AF_UNIX AF_INET AF_INET6");
        unit.Value("SystemCallArchitectures", "native");
        unit.Value("SystemCallFilter", "@system-service");
        unit.Value("SystemCallFilter", "~@privileged @resources");
        unit.Value("SystemCallErrorNumber", "EPERM");
        if (profile == HardeningProfile.Strict)
        {
            // Strict: the app reaches nothing but this host (its database must be local too).
            unit.Value("PrivateUsers", true);
            unit.Value("PrivateIPC", true);
            unit.Value("IPAddressDeny", "any");
            unit.Value("IPAddressAllow", "localhost");
        }

        foreach (var path in WritablePaths(model))
        {
            // `-`: a path that does not exist yet is skipped instead of failing the start.
            unit.Value("ReadWritePaths", "-" + path);
        }
    }

    /// <summary>Only what the model implies the app writes.</summary>
    private static IEnumerable<string> WritablePaths(ServiceModel model)
    {
        var paths = new List<string>();
        if (model.Directory is { } dir)
        {
            // Rack/Rails apps write tmp/ (cache, pids) and log/ under their directory.
            paths.Add($"{dir}/tmp");
            paths.Add($"{dir}/log");
        }

        if (model.Server.Pidfile is { } pid && Path.GetDirectoryName(pid) is { Length: > 0 } pidDir)
        {
            paths.Add(pidDir);
        }

        if (!model.SocketActivation)
        {
            // Without systemd holding the socket, the server creates its unix sockets itself.
            paths.AddRange(model.Listen.Select(l => l.Address).OfType<UnixAddress>()
                .Select(u => Path.GetDirectoryName(u.Path)).OfType<string>());
        }

        return paths.Distinct(StringComparer.Ordinal);
    }
}
