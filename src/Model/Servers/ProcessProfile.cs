using System.Collections.Immutable;

namespace UnitGen.Model.Servers;

/// <summary>
/// Everything UnitGen knows about one kind of worker process (<c>processes:</c>), asked by the emitters and
/// the rules: its default argv (through the same <see cref="BundledCommand"/> as the web server), whether it
/// notifies systemd, how long it needs to stop, and which signal quiets it. A new process type is one profile.
/// </summary>
internal abstract record ProcessProfile
{
    public abstract ProcessType Type { get; }

    /// <summary>The word of <c>processes.*.type</c> and of the "Made for:" header.</summary>
    public string Name => Type.ToString().ToLowerInvariant();

    /// <summary>Whether the program's version is worth stating in the "Made for:" header (lint reads it back).</summary>
    public virtual bool HasKnownVersions => false;

    /// <summary>The argv when the model has no <c>command</c>, without <c>bundle exec</c>; empty when there is no default.</summary>
    public virtual ImmutableArray<string> DefaultProgram(ProcessSpec process) => [];

    /// <summary>Whether the main process sends READY=1 itself, so its unit may be Type=notify.</summary>
    public abstract bool CanNotify(ProcessSpec process);

    /// <summary>TimeoutStopSec of the process's unit; null leaves systemd's default (90 s).</summary>
    public virtual int? StopSeconds(ProcessSpec process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.StopTimeout;
    }

    /// <summary>The signal <c>systemctl reload</c> / <c>sv reload</c> sends (sidekiq: TSTP, quiet); null when there is none.</summary>
    public virtual string? QuietSignal => null;
}
