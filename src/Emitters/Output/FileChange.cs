namespace UnitGen.Emitters.Output;

public enum FileChangeKind
{
    Unchanged,
    Created,
    Updated,
}

/// <summary>What writing (or checking) one emitted file did or would do.</summary>
public sealed record FileChange(string Path, FileChangeKind Kind)
{
    public bool IsDrift => Kind != FileChangeKind.Unchanged;
}
