namespace UnitGen.Model;

/// <summary>What runs beside the web server (DESIGN.md <c>processes:</c>).</summary>
public enum ProcessType
{
    /// <summary>Sidekiq: UnitGen knows its flags, signals, shutdown timeout and systemd integration.</summary>
    Sidekiq,

    /// <summary>Any other long-running program: UnitGen runs the given command and knows nothing inside it.</summary>
    Command,
}
