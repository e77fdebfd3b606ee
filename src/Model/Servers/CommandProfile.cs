using System.Collections.Immutable;

namespace UnitGen.Model.Servers;

/// <summary>Any other program: UnitGen knows nothing of its signals, so it restarts by stop + start.</summary>
internal sealed record CommandProfile : ServerProfile
{
    public override ServerType Type => ServerType.Command;

    /// <summary>
    /// The command, and what UnitGen still uses of an unknown program: bundler (UG0202 for a <c>bundle exec</c>), a pid
    /// file (bin/NAME-restart), binds (the health check), Ruby and YJIT (MemoryDenyWriteExecute=); the version is kept as written.
    /// </summary>
    public override ImmutableArray<string> ServerKeys { get; } = ["version", "command", "bundler", "pidfile", "binds", "ruby", "yjit"];

    /// <summary>A custom command is the user's to know; UnitGen cannot see inside it.</summary>
    public override bool CanNotify(ServerSpec server) => true;
}
