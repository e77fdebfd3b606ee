using UnitGen.Tests.Support;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// The kestrel end-to-end test's world, built once per test class: UnitGen.Hosting and UnitGen.MSBuild
/// packed into a folder feed; tests/assets/KestrelSystemdApp (a `dotnet new web` app that calls
/// <c>builder.UseUnitGen()</c>) copied out of the repository with a unitgen.yaml beside it and published
/// (framework-dependent, Release) into a folder under /srv that the isolated systemd and www-data can read,
/// so publish writes its units to deploy/; and one isolated systemd that runs every app of the class.
/// </summary>
public sealed class KestrelApp : IDisposable
{
    public const string Name = "KestrelSystemdApp";

    /// <summary>The service name of the published model.</summary>
    public const string Service = "kestrelapp";

    private readonly TempFolder build = new();

    public KestrelApp()
    {
        Folder = Path.Combine("/srv", "unitgen-kestrel-app-" + Guid.NewGuid().ToString("N")[..10]);
        Port = RestartsUnderLoad.FreePort();
        UnixSocket = Path.Combine(Folder, "kestrel.sock");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var feed = build.File("feed");
        // The packages every restore of this repository already put in the global folder (the Release build
        // restored Microsoft.Extensions.Hosting.Systemd for src/Hosting): packing from it changes no obj/.
        var global = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var project in new[] { "Hosting", "MSBuild" })
        {
            // --no-build: the Release build of the solution (test.sh, CI) made what the packages hold.
            var pack = ChildDotnet.Run(RepoPaths.Root, global, ["pack", Path.Combine(RepoPaths.Root, "src", project), "-c", "Release", "--no-build", "-o", feed, "-nologo"]);
            Assert.True(pack.ExitCode == 0, $"dotnet pack src/{project} failed:\n" + pack.Output);
        }

        var source = Path.Combine(RepoPaths.Root, "tests", "assets", Name);
        var app = build.File("src");
        Directory.CreateDirectory(app);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(app, Path.GetFileName(file)));
        }

        ModelFile = Path.Combine(app, "unitgen.yaml");
        File.WriteAllText(ModelFile, Model(Service, Port, "default", unixSocket: UnixSocket));
        // Our packages only from the feed; everything else (Microsoft.Extensions.Hosting.Systemd) from the
        // global folder as a local source: offline, and an older UnitGen 0.1.0 can never be picked up.
        build.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="unitgen-feed" value="{feed}" />
                <add key="restored" value="{global}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="unitgen-feed"><package pattern="UnitGen.*" /></packageSource>
                <packageSource key="restored"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        var publish = ChildDotnet.Run(app, build.File("packages"), ["publish", "-c", "Release", "-o", Folder, "-nologo", "-p:UseAppHost=true"]);
        Assert.True(publish.ExitCode == 0, "dotnet publish of the kestrel test app failed:\n" + publish.Output);
        PublishMilliseconds = clock.ElapsedMilliseconds;
        ExternalTool.Run("chmod", ["-R", "o+rX", Folder]);
        Systemd = new IsolatedSystemd();
    }

    /// <summary>The publish folder: the app host, the dll, and deploy/ with the units UnitGen.MSBuild generated.</summary>
    public string Folder { get; }

    /// <summary>The unitgen.yaml beside the project that publish generated deploy/ from.</summary>
    public string ModelFile { get; }

    /// <summary>The published model's TCP port and unix socket.</summary>
    public int Port { get; }

    public string UnixSocket { get; }

    /// <summary>Pack of both packages plus publish of the app.</summary>
    public long PublishMilliseconds { get; }

    public IsolatedSystemd Systemd { get; }

    public string AppHost => Path.Combine(Folder, Name);

    public string Dll => Path.Combine(Folder, Name + ".dll");

    /// <summary>
    /// A kestrel model of this app, run from the publish folder with Type=notify; under socket activation
    /// systemd holds the sockets and `restart: hot` restarts only the service. <paramref name="dotnetOnly"/>:
    /// the app uses .NET's own UseSystemd() calls instead of UnitGen.Hosting (see its Program.cs).
    /// </summary>
    public string Model(string name, int port, string hardening, bool viaDotnet = false, bool socketActivation = true,
        string? unixSocket = null, int? watchdogSec = null, bool dotnetOnly = false, string? serviceExtra = null) =>
        $"""
        name: {name}
        user: www-data
        directory: {Folder}
        server:
          type: kestrel
          version: "10.0"
          command: [ {(viaDotnet ? "/usr/bin/dotnet, " + Dll : AppHost)}{(dotnetOnly ? ", --TestApp:Systemd=dotnet-only" : string.Empty)} ]
          useSystemd: true
        listen:
          - tcp://127.0.0.1:{port}

        """
        + (unixSocket is null ? string.Empty : $"  - uri: unix://{unixSocket}\n    mode: \"0666\"\n")
        + $"restart: {(socketActivation ? "hot" : "normal")}\n"
        + "systemd:\n"
        + $"  socketActivation: {(socketActivation ? "true" : "false")}\n"
        + "  notify: true\n"
        + (watchdogSec is null ? string.Empty : $"  watchdogSec: {watchdogSec}\n")
        + $"  hardening: {hardening}\n"
        + (serviceExtra is null ? string.Empty : $"  extra:\n    Service: {{ {serviceExtra} }}\n");

    public void Dispose()
    {
        Systemd.Dispose();
        build.Dispose();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
