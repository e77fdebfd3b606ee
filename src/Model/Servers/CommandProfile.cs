namespace UnitGen.Model.Servers;

/// <summary>Any other program: UnitGen knows nothing of its signals, so it restarts by stop + start.</summary>
internal sealed record CommandProfile : ServerProfile
{
    public override ServerType Type => ServerType.Command;

    /// <summary>A custom command is the user's to know; UnitGen cannot see inside it.</summary>
    public override bool CanNotify(ServerSpec server) => true;
}
