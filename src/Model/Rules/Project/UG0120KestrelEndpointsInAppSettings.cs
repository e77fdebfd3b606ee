using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Project;

/// <summary>
/// UG0110's fact for the app's own configuration files: Kestrel:Endpoints in an appsettings*.json that the
/// model's environment reads are bound by Kestrel itself, beside systemd's sockets.
/// </summary>
internal sealed class UG0120KestrelEndpointsInAppSettings : ProjectRule
{
    public override string Code => "UG0120";

    public override Severity Severity => Severity.Error;

    public override string Title => "Kestrel:Endpoints in appsettings*.json under socket activation: Kestrel binds them itself (EADDRINUSE, or a port nobody holds across a restart).";

    public override string Fix => "Under socket activation the sockets come from `listen` alone: remove Kestrel:Endpoints from the appsettings file the service reads (keep them in appsettings.Development.json for local runs), or turn socket activation off.";

    public override string Explanation =>
        "As UG0110 for the environment: endpoints from configuration are bound in addition to the sockets " +
        "KestrelServerOptions.UseSystemd() takes from LISTEN_FDS (aspnetcore src/Servers/Kestrel/Core/src/KestrelConfigurationLoader.cs " +
        "reads Kestrel:Endpoints; src/Servers/Kestrel/Core/src/Systemd/KestrelServerOptionsSystemdExtensions.cs adds the " +
        "activated ones). WebApplication.CreateBuilder reads appsettings.json and appsettings.{Environment}.json " +
        "(runtime src/libraries/Microsoft.Extensions.Hosting/src/HostingHostBuilderExtensions.cs, ApplyDefaultAppConfiguration); " +
        "the environment is ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT from the model's `environment`, else Production. " +
        "Files of other environments are not read by the service and are not reported.";

    public override IEnumerable<ProjectFinding> Check(ServiceModel model, ProjectFacts project)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(project);
        if (model.Server.Type != ServerType.Kestrel || !model.SocketActivation || model.Listen.IsEmpty || !model.Server.UseSystemd)
        {
            // Without UseSystemd() Kestrel binds every address itself anyway (UG0109).
            yield break;
        }

        var environment = model.EnvironmentValue("ASPNETCORE_ENVIRONMENT") ?? model.EnvironmentValue("DOTNET_ENVIRONMENT") ?? "Production";
        var sockets = string.Join(", ", model.Listen.Select(l => l.Address.ListenStream));
        foreach (var endpoint in project.AppSettingsEndpoints)
        {
            if (endpoint.Environment is null || string.Equals(endpoint.Environment, environment, StringComparison.OrdinalIgnoreCase))
            {
                yield return new ProjectFinding(
                    $"Kestrel endpoint `{endpoint.Name}`{(endpoint.Url is null ? string.Empty : $" (`{endpoint.Url}`)")} is bound by Kestrel itself besides systemd's socket(s) ({sockets}): on the same port the app fails with \"address already in use\", on another port that listener refuses connections while the app restarts.",
                    At: endpoint.Location);
            }
        }
    }
}
