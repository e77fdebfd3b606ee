namespace UnitGen.Model;

/// <summary>
/// <c>deploy:</c> — how the app is restarted on its hosts after new code is in place: the health check
/// that proves the new code serves (<c>bin/NAME-restart</c>) and the Capistrano tasks that run it on every host.
/// </summary>
public sealed record DeploySpec
{
    /// <summary>What <c>bin/NAME-restart</c> asks through the app's own listener after a restart.</summary>
    public HealthCheckSpec Health { get; init; } = new();

    /// <summary>Null when the model asks for no Capistrano tasks (<c>deploy.capistrano</c> absent).</summary>
    public CapistranoSpec? Capistrano { get; init; }
}
