namespace UnitGen.Benchmarks;

/// <summary>The repository, found upwards from the working folder (BenchmarkDotNet runs builds elsewhere).</summary>
internal static class RepoFolder
{
    public static string Root { get; } = Find(Environment.CurrentDirectory) ?? Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Run the benchmarks from inside the repository.");

    public static string Samples => Path.Combine(Root, "samples");

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UnitGen.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
