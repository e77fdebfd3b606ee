namespace UnitGen.Model;

public enum ServerType
{
    Puma,
    Unicorn,
    Kestrel,
    /// <summary>Any other program; UnitGen knows nothing of its signals.</summary>
    Command,
}
