namespace UnitGen.Model.Servers;

/// <summary>An ASP.NET Core app on Kestrel: started by its own <c>command</c>, systemd-aware through <c>UseSystemd()</c>.</summary>
internal sealed record KestrelProfile : ServerProfile
{
    /// <summary>Kestrel's host shutdown timeout default (.NET HostOptions.ShutdownTimeout, 30 s since .NET 6).</summary>
    public const int ShutdownSeconds = 30;

    public override ServerType Type => ServerType.Kestrel;

    public override bool HasKnownVersions => true;

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
