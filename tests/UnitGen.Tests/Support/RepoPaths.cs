namespace UnitGen.Tests.Support;

/// <summary>Folders of the repository, found from the test assembly upwards.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string InvalidSamples => Path.Combine(Root, "samples", "invalid");

    public static string Snapshots => Path.Combine(Root, "tests", "snapshots");

    public static string Schema => Path.Combine(Root, "schemas", "unitgen.schema.json");

    public static IEnumerable<string> ValidSampleFiles =>
        Directory.EnumerateFiles(Samples, "*.yaml").Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UnitGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("UnitGen.sln not found above " + AppContext.BaseDirectory);
    }
}
