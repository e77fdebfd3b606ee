using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Project;

/// <summary>`server.useSystemd: true` in a project that cannot call UseSystemd(): nothing it references provides it.</summary>
internal sealed class UG0310UseSystemdWithoutIntegration : ProjectRule
{
    /// <summary>The packages (and their assemblies) that give an app UseSystemd(): UnitGen.Hosting brings the other.</summary>
    public static readonly IReadOnlyList<string> Integrations = ["UnitGen.Hosting", "Microsoft.Extensions.Hosting.Systemd"];

    public override string Code => "UG0310";

    public override Severity Severity => Severity.Error;

    public override string Title => "`server.useSystemd: true`, but the project references no systemd integration: the app never sends READY=1 and binds its own port (\"address already in use\").";

    public override string Fix => "Reference UnitGen.Hosting and call `builder.UseUnitGen();` (or reference Microsoft.Extensions.Hosting.Systemd and call UseSystemd() on the host and on Kestrel), or set `server.useSystemd: false`.";

    public override string Explanation =>
        "`useSystemd: true` makes the unit Type=notify and hands Kestrel systemd's sockets. Both need code in the app: " +
        "READY=1/STOPPING=1 come from Microsoft.Extensions.Hosting.Systemd's SystemdLifetime (aspnetcore/runtime " +
        "src/libraries/Microsoft.Extensions.Hosting.Systemd, UseSystemd()), and the LISTEN_FDS sockets are taken only by " +
        "KestrelServerOptions.UseSystemd() (aspnetcore src/Servers/Kestrel/Core/src/Systemd/KestrelServerOptionsSystemdExtensions.cs), " +
        "which returns without effect unless that package's SystemdHelpers says the process runs under systemd. A project " +
        "that references neither that package nor UnitGen.Hosting (which depends on it) cannot call them: measured with a " +
        "plain `dotnet new web` app (issue 18), the unit stays \"activating\" until TimeoutStartSec and Kestrel's own bind " +
        "of the socket unit's port fails with \"address already in use\". The MSBuild task sees @(PackageReference), " +
        "@(ProjectReference) and the resolved assemblies, so a package that brings the integration transitively counts.";

    public override IEnumerable<ProjectFinding> Check(ServiceModel model, ProjectFacts project)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(project);
        if (model.Server.Type == ServerType.Kestrel && model.Server.UseSystemd && !Integrations.Any(project.HasReference))
        {
            yield return new ProjectFinding(
                "`server.useSystemd: true`, but this project references neither UnitGen.Hosting nor Microsoft.Extensions.Hosting.Systemd: the app cannot call UseSystemd(), so it never sends READY=1 and binds its own port instead of systemd's socket.",
                "server.useSystemd");
        }
    }
}
