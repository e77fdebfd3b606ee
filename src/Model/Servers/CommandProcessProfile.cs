namespace UnitGen.Model.Servers;

/// <summary>Any other long-running program (a clock, a queue consumer): UnitGen runs the given command and knows nothing inside it.</summary>
internal sealed record CommandProcessProfile : ProcessProfile
{
    public override ProcessType Type => ProcessType.Command;

    /// <summary>A custom command is the user's to know; UnitGen cannot see inside it.</summary>
    public override bool CanNotify(ProcessSpec process) => true;
}
