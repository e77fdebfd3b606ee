using UnitGen.Formats.Systemd;
using UnitGen.Model;
using UnitGen.Model.Facts;

namespace UnitGen.Emitters.Systemd;

/// <summary>
/// The sandbox of a generated service, derived from the model: everything read-only but the paths
/// the model says the app writes. Measured with <c>systemd-analyze security --offline=yes</c>:
/// see tests/UnitGen.Tests/Emitters/SystemdRealToolTests.cs for the scores it must keep.
/// </summary>
internal static class Hardening
{
    /// <summary>The folders ProtectHome= covers (systemd.exec(5)).</summary>
    private static readonly string[] HomeFolders = ["/home", "/root", "/run/user"];

    public static void Write(SystemdUnitWriter writer, ServiceModel model)
    {
        var unit = new SandboxWriter(writer, model.IsUserScope());
        var profile = model.Systemd.Hardening;
        if (profile == HardeningProfile.None)
        {
            return;
        }

        unit.Comment($"Hardening profile `{profile.ToString().ToLowerInvariant()}`: read-only system, writable only where the model needs it.");
        unit.Value("NoNewPrivileges", true);
        if (model.IsUserScope())
        {
            // A user manager has no privilege to set up mount, UTS or IPC namespaces; a user namespace first
            // gives it that inside (systemd.exec(5) of 252, PrivateUsers=: "in the per-user instance manager case,
            // the user namespace will be set up before most other namespaces").
            unit.Comment("User scope: PrivateUsers= lets the user manager set up the namespaces below; left out, as a user manager");
            unit.Comment($"cannot apply them: {string.Join(", ", UserManagerSandbox.Unavailable.Keys.Order(StringComparer.Ordinal))}.");
            unit.Value("PrivateUsers", true);
        }

        unit.Value("ProtectSystem", "strict");
        // ProtectHome=yes hides /home, /root and /run/user entirely: an app deployed under a home
        // folder (e.g. /home/deploy/apps/x, or Ruby from ~/.rbenv) then dies with status=200/CHDIR
        // (measured on systemd 252). Such an app gets read-only homes; ReadWritePaths= below still
        // re-opens its writable subfolders (measured: the more specific mount wins).
        unit.Value("ProtectHome", UsesHome(model) ? "read-only" : "yes");
        unit.Value("PrivateTmp", true);
        unit.Value("PrivateDevices", true);
        unit.Value("DevicePolicy", "closed");
        unit.Value("ProtectKernelTunables", true);
        unit.Value("ProtectKernelModules", true);
        unit.Value("ProtectKernelLogs", true);
        unit.Value("ProtectControlGroups", true);
        unit.Value("ProtectClock", true);
        unit.Value("ProtectHostname", true);
        if (model.Server.Profile.ReadsParentProcess && !model.IsUserScope())
        {
            // ProtectProc=invisible would hide PID 1 from a non-root service (KestrelProfile.ReadsParentProcess).
            // Other users' processes stay visible.
            unit.Comment("ProtectProc= stays at default: .NET's UseSystemd() reads /proc/PPID/comm to detect systemd.");
        }
        else
        {
            unit.Value("ProtectProc", "invisible");
        }

        unit.Value("ProcSubset", "pid");
        unit.Value("RestrictNamespaces", true);
        unit.Value("RestrictRealtime", true);
        unit.Value("RestrictSUIDSGID", true);
        unit.Value("LockPersonality", true);
        unit.Value("RemoveIPC", true);
        unit.Value("KeyringMode", "private");
        unit.Value("UMask", "0027");
        if (RubyFacts.NeverNeedsWriteExecute(model.Server))
        {
            // Only where the model says the runtime never maps writable+executable memory: YJIT does, and
            // `ruby --yjit` aborts at boot under this directive (UG0901); so does .NET's JIT.
            unit.Value("MemoryDenyWriteExecute", true);
        }

        unit.Value("CapabilityBoundingSet", string.Empty);
        unit.Value("AmbientCapabilities", string.Empty);
        unit.Value("RestrictAddressFamilies", "AF_UNIX AF_INET AF_INET6");
        unit.Value("SystemCallArchitectures", "native");
        unit.Value("SystemCallFilter", "@system-service");
        unit.Value("SystemCallFilter", "~@privileged @resources");
        if (model.Server.Profile.SetsThreadAffinity)
        {
            // .NET 10.0.12's PAL resets every new thread's CPU affinity (dotnet/runtime
            // src/coreclr/pal/src/thread/thread.cpp, CPalThread::ThreadEntry) and fails the thread on
            // any error: with sched_setaffinity (@resources) denied, the host dies at start with
            // "Failed to create CoreCLR, HRESULT: 0x8007054F" (measured on systemd 252). Newer runtimes
            // ignore EPERM there. A later allow entry re-allows this one call of the denied set.
            unit.Value("SystemCallFilter", "sched_setaffinity");
        }
        unit.Value("SystemCallErrorNumber", "EPERM");
        if (profile == HardeningProfile.Strict)
        {
            // Strict: the app reaches nothing but this host (its database must be local too).
            if (!model.IsUserScope())
            {
                unit.Value("PrivateUsers", true);
            }

            unit.Value("PrivateIPC", true);
            unit.Value("IPAddressDeny", "any");
            unit.Value("IPAddressAllow", "localhost");
        }

        foreach (var path in WritablePaths(model))
        {
            // `-`: a path that does not exist yet is skipped instead of failing the start.
            unit.Words("ReadWritePaths", "-" + path);
        }
    }

    /// <summary>
    /// Whether a path the running app reads lies under a home folder. Not counted: the env file and
    /// StandardOutput=/StandardError= files, which the service manager opens before the sandbox
    /// applies (measured on systemd 252 with ProtectHome=yes: both still work), and unix sockets of a
    /// socket unit, which systemd creates and passes as descriptors.
    /// </summary>
    private static bool UsesHome(ServiceModel model)
    {
        IEnumerable<string?> paths =
        [
            model.Directory, model.Server.Config, model.Server.Rackup, model.Server.Pidfile,
            .. model.Server.EffectiveCommand(OutputPaths.InstalledServerConfig(model)),
            .. model.SocketActivation ? [] : model.Listen.Select(l => l.Address).OfType<UnixAddress>().Select(u => u.Path),
            // GEM_HOME, BUNDLE_PATH, PATH and the like: every absolute entry of a colon list.
            .. model.Environment.SelectMany(v => v.Value.Split(':')),
        ];
        return paths.OfType<string>().Any(p => HomeFolders.Any(home => p == home || p.StartsWith(home + "/", StringComparison.Ordinal)));
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

        // No entry for the folders of StandardOutput=/StandardError= append:/file: logs: systemd
        // opens those files before it applies ProtectSystem= (measured on systemd 252: a log in a
        // read-only folder is written), so the app itself never needs them writable.
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

        // What the model says the app writes besides (Rails storage/, uploads).
        paths.AddRange(model.Systemd.ReadWritePaths);
        return paths.Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// Writes the sandbox directives, minus those a per-user manager cannot apply (<see cref="UserManagerSandbox"/>)
    /// when the unit is for one.
    /// </summary>
    private sealed class SandboxWriter(SystemdUnitWriter unit, bool userManager)
    {
        public void Comment(string comment) => unit.Comment(comment);

        public void Value(string key, string value)
        {
            if (Applies(key))
            {
                unit.Value(key, value);
            }
        }

        public void Value(string key, bool value)
        {
            if (Applies(key))
            {
                unit.Value(key, value);
            }
        }

        public void Words(string key, params string[] words)
        {
            if (Applies(key))
            {
                unit.Words(key, words);
            }
        }

        private bool Applies(string key) => !userManager || !UserManagerSandbox.Unavailable.ContainsKey(key);
    }
}
