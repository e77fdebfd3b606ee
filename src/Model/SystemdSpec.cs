using System.Collections.Immutable;

namespace UnitGen.Model;

public sealed record SystemdSpec
{
    /// <summary>Null means "on when the model has sockets".</summary>
    public bool? SocketActivation { get; init; }
    public bool Notify { get; init; }
    public int? WatchdogSec { get; init; }
    public HardeningProfile Hardening { get; init; } = HardeningProfile.Default;
    public string? Stdout { get; init; }
    public string? Stderr { get; init; }
    public EquatableArray<string> After { get; init; } = [];
    public EquatableArray<string> Wants { get; init; } = [];
    /// <summary>Paths the app writes besides tmp/ and log/ (Rails storage/): ReadWritePaths= under the sandbox.</summary>
    public EquatableArray<string> ReadWritePaths { get; init; } = [];
    /// <summary>Escape hatch: directives systemd knows that UnitGen does not generate (UG0730, UG0731).</summary>
    public EquatableArray<SystemdDirective> Extra { get; init; } = [];
    /// <summary>The system manager (default) or the model user's own manager (<c>systemctl --user</c>).</summary>
    public SystemdScope Scope { get; init; } = SystemdScope.System;
}
