using UnitGen.Tests.Support;

namespace UnitGen.Tests.Packaging;

/// <summary>
/// The solution packed once into a folder feed, with a private NuGet packages folder so a package
/// restored by an earlier run (same version, older content) can never be picked up. The `unitgen` tool
/// is three packages (src/Cli/UnitGen.Cli.csproj): the pointer from the solution's pack, then its
/// NativeAOT linux-x64 and framework-dependent `any` implementations, each packed on its own.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    public const string Collection = "Packed feed";

    private readonly TempFolder root = new();

    public PackedFeed()
    {
        Feed = root.File("feed");
        Packages = root.File("packages");
        var pack = Dotnet(RepoPaths.Root, "pack", Path.Combine(RepoPaths.Root, "UnitGen.sln"), "-c", "Release", "-o", Feed, "-nologo");
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
        foreach (var rid in ToolRuntimeIdentifiers)
        {
            // A publish folder of its own: the tool package takes every file in it, so one left over from an
            // earlier publish with other settings would ship.
            var publishDir = root.File("publish-" + rid) + "/";
            var ridPack = Dotnet(RepoPaths.Root, "pack", Path.Combine(RepoPaths.Root, "src", "Cli"), "-c", "Release", "-r", rid,
                "-p:PublishDir=" + publishDir, "-o", Feed, "-nologo");
            Assert.True(ridPack.ExitCode == 0, $"dotnet pack -r {rid} failed:\n" + ridPack.Output);
        }
        // Only our feed: the test app needs no other package, and this keeps the test offline.
        root.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="unitgen-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>The tool's ToolPackageRuntimeIdentifiers.</summary>
    public static IReadOnlyList<string> ToolRuntimeIdentifiers { get; } = ["linux-x64", "any"];

    public string Feed { get; }

    public string Packages { get; }

    /// <summary>A folder under the feed's root, so its nuget.config applies.</summary>
    public string NewWorkFolder(string name)
    {
        var dir = root.File(name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public ExternalTool.Result Dotnet(string workingDirectory, params string[] args) => ChildDotnet.Run(workingDirectory, Packages, args);

    public void Dispose() => root.Dispose();
}

/// <summary>Test classes that use the packed feed share one (packing NativeAOT takes a minute).</summary>
[CollectionDefinition(PackedFeed.Collection)]
public sealed class SharesPackedFeed : ICollectionFixture<PackedFeed>;
