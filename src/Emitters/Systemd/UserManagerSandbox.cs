using System.Collections.Immutable;

namespace UnitGen.Emitters.Systemd;

/// <summary>
/// The sandboxing directives a per-user service manager (systemd 252, <c>systemd --user</c>) cannot apply, and why:
/// the hardening profiles leave them out of user units rather than claim a protection that is not there.
/// Everything else of the profiles works there once <c>PrivateUsers=yes</c> gives the service a user namespace
/// in which it may set up the others (systemd.exec(5) of 252, "Sandboxing": "most namespacing settings, that will
/// not work on their own in user services, will work when used in conjunction with PrivateUsers=true"). Each
/// claim is proven by booting the user units in a real user manager under every profile
/// (tests/UnitGen.Tests/EndToEnd/UserScopeTests.cs; measured on systemd 252: ProtectProc=/ProcSubset= leave /proc
/// without hidepid=/subset=, IPAddressDeny=any still lets the service connect to 127.0.0.1; docs/user-units.md).
/// </summary>
internal static class UserManagerSandbox
{
    /// <summary>Directive → why a user manager does not apply it (man page of systemd 252 it comes from).</summary>
    public static readonly ImmutableDictionary<string, string> Unavailable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // systemd.exec(5): "only available for system services and is not supported for services running in
        // per-user instances of the service manager".
        ["ProtectProc"] = "systemd.exec(5): not supported in per-user instances",
        ["ProcSubset"] = "systemd.exec(5): like ProtectProc=, only available to system services",
        ["ProtectControlGroups"] = "systemd.exec(5): not supported in per-user instances",
        ["RemoveIPC"] = "systemd.exec(5): not supported in per-user instances",
        // systemd.resource-control(5): IP accounting and access lists are "currently only available for system
        // services, not for per-user services" (cgroup BPF programs need privileges the user manager lacks).
        ["IPAddressDeny"] = "systemd.resource-control(5): only for system services",
        ["IPAddressAllow"] = "systemd.resource-control(5): only for system services",
        // user@.service of systemd 252 delegates only `pids memory cpu` to the user manager: the devices controller
        // (cgroup v1) is not the user's to set, and a cgroup v2 device program needs privileges it lacks.
        ["DevicePolicy"] = "user@.service delegates no devices controller",
    }.ToImmutableDictionary(StringComparer.Ordinal);
}
