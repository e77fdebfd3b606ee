namespace UnitGen.Tests.Support;

/// <summary>The files <c>generate</c> emitted into a folder: everything but its manifest folder (<c>.unitgen/</c>).</summary>
public static class GeneratedFiles
{
    public static IEnumerable<string> Under(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(dir, f).StartsWith(".unitgen/", StringComparison.Ordinal));
}
