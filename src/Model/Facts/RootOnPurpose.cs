namespace UnitGen.Model.Facts;

/// <summary>
/// The comment a generated unit carries when the model says <c>allowRoot: true</c>: the decision to run as root stays
/// readable in the file, and lint of that file honours it as validate honours the key (UG0705), like the "Made for:"
/// header states versions. A hand-written unit may state it the same way.
/// </summary>
internal static class RootOnPurpose
{
    public const string Comment = "Runs as root on purpose (allowRoot: true).";

    /// <summary>Whether one of a unit's first lines states it.</summary>
    public static bool IsStated(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Take(5).Any(l => l.Trim() == "# " + Comment);
    }
}
