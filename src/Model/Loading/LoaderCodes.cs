namespace UnitGen.Model.Loading;

/// <summary>Codes of problems found while reading <c>unitgen.yaml</c>, before any rule runs.</summary>
public static class LoaderCodes
{
    public const string Syntax = "UG0001";
    public const string UnknownKey = "UG0002";
    public const string WrongType = "UG0003";
    public const string NotAllowed = "UG0004";
    public const string Missing = "UG0005";
    public const string InvalidValue = "UG0006";
    public const string InputLimit = "UG0007";
}
