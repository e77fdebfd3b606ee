namespace UnitGen.Model.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}
