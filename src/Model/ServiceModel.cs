using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Rules;

namespace UnitGen.Model;

/// <summary>One web app service (and its worker processes): the single source of every file UnitGen emits.</summary>
/// <remarks>Keys mirror <c>unitgen.yaml</c> (DESIGN.md); defaults are applied here, not in emitters.</remarks>
public sealed record ServiceModel
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string User { get; init; }
    public bool AllowRoot { get; init; }
    public string? Group { get; init; }
    public string? Directory { get; init; }
    public EquatableArray<EnvironmentVariable> Environment { get; init; } = [];
    public string? EnvFile { get; init; }
    public required ServerSpec Server { get; init; }
    public EquatableArray<Listener> Listen { get; init; } = [];
    public RestartStrategy Restart { get; init; } = RestartStrategy.Normal;
    public EquatableArray<Supervisor> Supervisors { get; init; } = [Supervisor.Systemd];
    public SystemdSpec Systemd { get; init; } = new();
    public RunitSpec Runit { get; init; } = new();
    /// <summary>The app's other long-running processes (workers), in the order the model lists them.</summary>
    public EquatableArray<ProcessSpec> Processes { get; init; } = [];
    /// <summary>How the app restarts on its hosts (<c>bin/NAME-restart</c>, Capistrano tasks); null: no deploy files are generated.</summary>
    public DeploySpec? Deploy { get; init; }

    /// <summary>Where the generated environment file is installed.</summary>
    public string EnvFilePath => EnvFile ?? $"/etc/default/{Name}";

    /// <summary>Socket activation is on by default whenever the model has sockets.</summary>
    public bool SocketActivation => Systemd.SocketActivation ?? !Listen.IsEmpty;

    public bool Supervises(Supervisor supervisor) => Supervisors.Contains(supervisor);

    public string? EnvironmentValue(string name) =>
        Environment.FirstOrDefault(v => v.Name == name)?.Value;

    /// <summary>
    /// Every check the YAML loader and the rules make, with the same codes and messages; each
    /// diagnostic names its model path (<see cref="Diagnostic.Path"/>), as a model built in code has no
    /// file positions.
    /// </summary>
    public ImmutableArray<Diagnostic> Validate() => Validator.Validate(this, SourceMap.None(string.Empty));
}
