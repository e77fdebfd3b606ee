namespace UnitGen.Model;

/// <summary>
/// <c>deploy.health</c>: the request that proves the new code serves, asked through the app's own listener
/// (not the load balancer, which may route to another host).
/// </summary>
public sealed record HealthCheckSpec
{
    /// <summary>The default of <see cref="Timeout"/>: puma 5.6.5's worker_boot_timeout is 60 s as well (lib/puma/configuration.rb).</summary>
    public const int DefaultTimeoutSeconds = 60;

    /// <summary>The path that must answer 2xx (Rails 7.1+ routes <c>/up</c>); null: any answer below 500 to <c>/</c> will do.</summary>
    public string? Path { get; init; }

    /// <summary>Seconds the restart may take, from the signal to the last check, before it is a failure.</summary>
    public int Timeout { get; init; } = DefaultTimeoutSeconds;
}
