using UnitGen.Tests.Support;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// tests/assets/KestrelSystemdApp published once per test class (framework-dependent, Release) into a
/// folder under /srv that the isolated systemd and the www-data user can read. The project is copied
/// out of the repository first, so the repository's Directory.Build.props (analyzers, warnings as
/// errors) does not apply to it, and it builds offline: it needs no package beyond the shared framework.
/// </summary>
public sealed class KestrelApp : IDisposable
{
    public const string Name = "KestrelSystemdApp";

    private readonly TempFolder build = new();

    public KestrelApp()
    {
        Folder = Path.Combine("/srv", "unitgen-kestrel-app-" + Guid.NewGuid().ToString("N")[..10]);
        var source = Path.Combine(RepoPaths.Root, "tests", "assets", Name);
        var project = build.File("src");
        Directory.CreateDirectory(project);
        foreach (var file in new[] { Name + ".csproj", "Program.cs" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(project, file));
        }

        build.Write("nuget.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var publish = ChildDotnet.Run(project, build.File("packages"), ["publish", "-c", "Release", "-o", Folder, "-nologo", "-p:UseAppHost=true"]);
        Assert.True(publish.ExitCode == 0, "dotnet publish of the kestrel test app failed:\n" + publish.Output);
        PublishMilliseconds = clock.ElapsedMilliseconds;
        ExternalTool.Run("chmod", ["-R", "o+rX", Folder]);
    }

    /// <summary>The publish folder: the app host <c>KestrelSystemdApp</c> and <c>KestrelSystemdApp.dll</c>.</summary>
    public string Folder { get; }

    public long PublishMilliseconds { get; }

    public string AppHost => Path.Combine(Folder, Name);

    public string Dll => Path.Combine(Folder, Name + ".dll");

    public void Dispose()
    {
        build.Dispose();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
