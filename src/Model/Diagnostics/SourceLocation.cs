namespace UnitGen.Model.Diagnostics;

/// <summary>A 1-based line and column in a file, as MSBuild and editors count them.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => Line > 0 ? $"{File}({Line},{Column})" : File;
}
