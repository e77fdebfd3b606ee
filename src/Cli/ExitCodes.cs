namespace UnitGen.Cli;

/// <summary>DESIGN.md "CLI contract".</summary>
internal static class ExitCodes
{
    /// <summary>Fine; warnings allowed.</summary>
    public const int Ok = 0;

    /// <summary>An error diagnostic, or drift under <c>--check</c>.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage, or a file that cannot be read or written.</summary>
    public const int Usage = 2;
}
