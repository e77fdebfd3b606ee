using System.Collections.Immutable;

namespace UnitGen.Model.Servers;

/// <summary>An ASP.NET Core app on Kestrel: started by its own <c>command</c>, systemd-aware through <c>UseSystemd()</c>.</summary>
internal sealed record KestrelProfile : ServerProfile
{
    /// <summary>Kestrel's host shutdown timeout default (.NET HostOptions.ShutdownTimeout, 30 s since .NET 6).</summary>
    public const int ShutdownSeconds = 30;

    public override ServerType Type => ServerType.Kestrel;

    public override bool HasKnownVersions => true;

    /// <summary>The app is its own <c>command</c>; the version decides UG0111, <c>useSystemd</c> notify and sockets. Ruby's keys mean nothing to it.</summary>
    public override ImmutableArray<string> ServerKeys { get; } = ["version", "command", "useSystemd"];

    public override IEnumerable<string> MadeForNotes(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.UseSystemd ? ["UseSystemd()"] : [];
    }

    public override string RequiredCommandExample => "command: [/srv/app/App]";

    /// <summary>Type=notify, the passed sockets, the drain and WatchdogSec= all need the app's side.</summary>
    public override ImmutableArray<string> ServiceUnitNotes { get; } =
    [
        "ASP.NET Core: Program.cs calls `builder.UseUnitGen();` (NuGet package UnitGen.Hosting) for",
        "READY=1, the sockets systemd passes, a drain on stop and watchdog pings.",
    ];

    /// <summary>.NET's JIT maps W+X pages whatever the model says (MemoryDenyWriteExecute= stays off).</summary>
    public override bool AlwaysWritesExecutableMemory => true;

    /// <summary>
    /// Microsoft.Extensions.Hosting.Systemd 10.0 (SystemdHelpers.IsSystemdService, dotnet/runtime release/10.0)
    /// decides it runs under systemd by reading /proc/PPID/comm; ProtectProc=invisible hides PID 1 from a non-root
    /// service, so UseSystemd() stays off and READY=1 never comes (measured on systemd 252: `systemctl start` times out).
    /// </summary>
    public override bool ReadsParentProcess => true;

    /// <summary>Microsoft.Extensions.Hosting.Systemd sends READY=1 when the app calls UseSystemd().</summary>
    public override bool CanNotify(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.UseSystemd;
    }

    /// <summary>Only UseSystemd() makes Kestrel take LISTEN_FDS sockets.</summary>
    public override bool AcceptsActivatedSockets(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.UseSystemd;
    }

    public override string? TakesActivatedSocketsWhen => "the app calls `UseSystemd()` on KestrelServerOptions and the model says `server.useSystemd: true`";

    public override int? DrainSeconds(ServerSpec server) => ShutdownSeconds;

    /// <summary>An app started as <c>dotnet APP.dll</c> or by its apphost next to <c>APP.dll</c>.</summary>
    public override bool IsStartedBy(IReadOnlyList<string> programs)
    {
        ArgumentNullException.ThrowIfNull(programs);
        return (programs.Count > 0 && programs[0] == "dotnet") || programs.Any(n => n.EndsWith(".dll", StringComparison.Ordinal));
    }

    /// <summary>
    /// .NET 10.0.12's PAL resets every new thread's CPU affinity (dotnet/runtime
    /// src/coreclr/pal/src/thread/thread.cpp, CPalThread::ThreadEntry) and fails the thread on any error.
    /// </summary>
    public override bool SetsThreadAffinity => true;
}
