namespace UnitGen.Model;

public enum HardeningProfile
{
    Default,
    Strict,
    None,
}
