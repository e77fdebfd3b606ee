namespace UnitGen.Model;

/// <summary><c>deploy.capistrano</c>: the Capistrano 3 tasks generated as <c>capistrano/NAME.rake</c>.</summary>
public sealed record CapistranoSpec
{
    /// <summary>The Capistrano roles whose hosts run the web server.</summary>
    public EquatableArray<string> Roles { get; init; } = ["web"];

    /// <summary>How many hosts <c>unitgen:rolling_restart</c> restarts at once, and the pause between groups.</summary>
    public RollingSpec Rolling { get; init; } = new();

    /// <summary>The tasks run supervisor commands through <c>sudo</c>; a sudoers drop-in then allows exactly those.</summary>
    public bool Sudo { get; init; }

    /// <summary>The deploy task after which <c>unitgen:rolling_restart</c> runs (Capistrano's <c>after</c>).</summary>
    public string Hook { get; init; } = "deploy:published";
}
