namespace UnitGen.Model;

/// <summary>Which systemd instance runs the units (DESIGN.md additions of 2026-11-30, <c>systemd.scope</c>).</summary>
public enum SystemdScope
{
    /// <summary>The system manager (PID 1): units in /etc/systemd/system, <c>User=</c> drops root.</summary>
    System,

    /// <summary>
    /// The per-user manager of the model's <c>user</c> (<c>user@UID.service</c>): units in
    /// <c>~/.config/systemd/user</c>, <c>systemctl --user</c>, no root anywhere; running while the user is
    /// logged out needs lingering (<c>loginctl enable-linger USER</c>).
    /// </summary>
    User,
}
