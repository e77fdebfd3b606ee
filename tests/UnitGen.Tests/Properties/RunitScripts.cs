namespace UnitGen.Tests.Properties;

/// <summary>Which files of a runit folder to run.</summary>
[Flags]
public enum RunitScripts
{
    None = 0,
    Run = 1,
    Log = 2,
    Follow = 4,
    /// <summary>The env/ folder, read by the real chpst -e.</summary>
    Env = 8,
}
