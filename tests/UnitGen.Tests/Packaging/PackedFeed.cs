using UnitGen.Tests.Support;

namespace UnitGen.Tests.Packaging;

/// <summary>
/// The solution packed once into a folder feed with one plain `dotnet pack`, as the README says, with a
/// private NuGet packages folder so a package restored by an earlier run (same version, older content)
/// can never be picked up. That one pack must write every package a user needs: the `unitgen` tool is
/// three (src/Cli/UnitGen.Cli.csproj), the pointer and its NativeAOT linux-x64 and framework-dependent
/// `any` implementations.
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
