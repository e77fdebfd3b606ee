namespace UnitGen.Model;

public sealed record RunitSpec
{
    public string ServiceDir { get; init; } = "/etc/sv";
    public string? LogDir { get; init; }
}
