using System.Diagnostics;
using UnitGen.Tests.Support;
using Xunit.Abstractions;

namespace UnitGen.Tests.Packaging;

/// <summary>
/// The real thing: our packages from `dotnet pack`, a fresh `dotnet new web` app that references
/// UnitGen.MSBuild from that feed, and `dotnet publish`.
/// </summary>
[Trait(Category.Name, Category.RealTool)]
[Collection(PackedFeed.Collection)]
public sealed class PublishTests(PackedFeed feed, ITestOutputHelper output)
{
    private const string Model = """
        name: webapp
        description: Test web app
        user: www-data
        directory: /srv/webapp
        environment:
          RACK_ENV: production
        server:
          type: puma
          version: "5.6.5"
          workers: 2
          preload: false
          config: /srv/webapp/puma.rb
        listen:
          - tcp://127.0.0.1:9292
        restart: phased

        """;

    [Fact]
    public void Publish_adds_validated_files_skips_work_when_unchanged_and_fails_on_a_broken_model()
    {
        var app = NewWebApp();
        File.WriteAllText(Path.Combine(app, "unitgen.yaml"), Model);

        var (first, coldMs) = Publish(app);
        Assert.True(first.ExitCode == 0, first.Output);
        var deploy = Path.Combine(app, "pub", "deploy");
        Assert.True(File.Exists(Path.Combine(deploy, "systemd", "webapp.service")), first.Output);
        Assert.True(File.Exists(Path.Combine(deploy, "systemd", "webapp.socket")));
        Assert.True(File.Exists(Path.Combine(deploy, "app", "puma.rb")));
        Assert.Equal("640", Convert.ToString((int)File.GetUnixFileMode(Path.Combine(deploy, "env", "webapp.env")), 8));
        var problems = SystemdVerify.ProblemsWith([Path.Combine(deploy, "systemd", "webapp.socket"), Path.Combine(deploy, "systemd", "webapp.service")]);
        Assert.True(problems.Count == 0, string.Join('\n', problems));

        var (second, warmMs) = Publish(app);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Skipping target \"UnitGenGenerate\" because all output files are up-to-date", second.Stdout, StringComparison.Ordinal);
        output.WriteLine($"publish with UnitGen: cold {coldMs} ms, incremental {warmMs} ms");

        File.WriteAllText(Path.Combine(app, "unitgen.yaml"), Model.Replace("  preload: false", "  preloda: false", StringComparison.Ordinal));
        var (broken, _) = Publish(app);
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains($"{Path.Combine(app, "unitgen.yaml")}(11,3): error UG0002: Unknown key `preloda`", broken.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_validates_the_model_and_fails_with_file_line_column_and_code()
    {
        var app = NewWebApp();
        File.WriteAllText(Path.Combine(app, "unitgen.yaml"), Model.Replace("  preload: false", "  preloda: false", StringComparison.Ordinal));
        var model = Path.Combine(app, "unitgen.yaml");

        var broken = Build(app);
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains($"{model}(11,3): error UG0002: Unknown key `preloda`", broken.Stdout, StringComparison.Ordinal);

        // UnitGenSkip turns UnitGen off entirely: the same broken model builds (the control for the run above).
        var skipped = Build(app, "-p:UnitGenSkip=true");
        Assert.True(skipped.ExitCode == 0, skipped.Output);

        // A project rule (UG0310): useSystemd in a plain web app that references no systemd integration.
        File.WriteAllText(model, KestrelModel);
        var noIntegration = Build(app);
        Assert.NotEqual(0, noIntegration.ExitCode);
        Assert.Contains($"{model}(7,15): error UG0310: ", noIntegration.Stdout, StringComparison.Ordinal);

        File.WriteAllText(model, KestrelModel.Replace("useSystemd: true", "useSystemd: false", StringComparison.Ordinal)
            .Replace("systemd: { notify: true }", "systemd: { socketActivation: false }", StringComparison.Ordinal));
        var clean = Build(app);
        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.DoesNotContain("error UG", clean.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_artifacts_layout_project_publishes_its_units_and_a_write_failure_is_a_coded_error()
    {
        var app = NewWebApp();
        File.WriteAllText(Path.Combine(app, "unitgen.yaml"), Model);
        var artifacts = Path.Combine(Path.GetDirectoryName(app)!, "artifacts");
        File.WriteAllText(Path.Combine(app, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <UseArtifactsOutput>true</UseArtifactsOutput>
                <ArtifactsPath>{artifacts}</ArtifactsPath>
              </PropertyGroup>
            </Project>
            """);
        // The task's [Output] items, as a user's own target would consume them.
        File.WriteAllText(Path.Combine(app, "Directory.Build.targets"), """
            <Project>
              <Target Name="ShowUnitGenFiles" AfterTargets="UnitGenGenerate">
                <Message Importance="high" Text="unitgen file: %(UnitGenGeneratedFile.RelativePath) %(UnitGenGeneratedFile.FileMode)" />
              </Target>
            </Project>
            """);
        // The restore of NewWebApp wrote obj/ before the props existed; the artifacts layout starts clean.
        Directory.Delete(Path.Combine(app, "obj"), recursive: true);

        var (published, _) = Publish(app);

        Assert.True(published.ExitCode == 0, published.Output);
        Assert.True(File.Exists(Path.Combine(app, "pub", "deploy", "systemd", "webapp.service")), published.Output);
        Assert.Contains("unitgen file: env/webapp.env 640", published.Stdout, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(artifacts, "obj", "app", "release", "unitgen", "files")), published.Output);
        Assert.Empty(Directory.EnumerateDirectories(app, "unitgen", SearchOption.AllDirectories));

        // A file where the output folder belongs: the write fails as a logged UG0009, not as MSB4018 with a stack trace.
        File.WriteAllText(Path.Combine(app, "unitgen.yaml"), Model.Replace("RACK_ENV: production", "RACK_ENV: staging", StringComparison.Ordinal));
        var files = Path.Combine(artifacts, "obj", "app", "release", "unitgen", "files");
        Directory.Delete(files, recursive: true);
        File.WriteAllText(files, "in the way");
        var (failed, _) = Publish(app);
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("error UG0009: Cannot write the generated files", failed.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB4018", failed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_package_carries_readme_license_and_repository_metadata()
    {
        string[] ids = ["UnitGen.Model", "UnitGen.Formats", "UnitGen.Emitters", "UnitGen.MSBuild", "unitgen", "unitgen.linux-x64", "unitgen.any"];
        foreach (var id in ids)
        {
            var nupkg = Path.Combine(feed.Feed, $"{id}.0.1.0.nupkg");
            Assert.True(File.Exists(nupkg), $"{id} was not packed");
            using var zip = System.IO.Compression.ZipFile.OpenRead(nupkg);
            Assert.Contains(zip.Entries, e => e.FullName == "README.md");
            using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var nuspec = reader.ReadToEnd();
            Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<repository type=\"git\"", nuspec, StringComparison.Ordinal);
            Assert.Contains("<readme>README.md</readme>", nuspec, StringComparison.Ordinal);
        }

        using var task = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed.Feed, "UnitGen.MSBuild.0.1.0.nupkg"));
        Assert.Contains(task.Entries, e => e.FullName == "tasks/net10.0/YamlDotNet.dll");
        Assert.DoesNotContain(task.Entries, e => e.FullName.Contains("Microsoft.Build", StringComparison.Ordinal));
    }

    /// <summary>A kestrel model that asks for systemd integration (line 7: `useSystemd`).</summary>
    private const string KestrelModel = """
        name: webapp
        user: www-data
        directory: /srv/webapp
        server:
          type: kestrel
          command: [ /srv/webapp/app ]
          useSystemd: true
        listen:
          - tcp://127.0.0.1:5000
        systemd: { notify: true }

        """;

    private string NewWebApp()
    {
        var work = feed.NewWorkFolder("web");
        var created = feed.Dotnet(work, "new", "web", "-o", "app", "--no-restore");
        Assert.True(created.ExitCode == 0, created.Output);
        var app = Path.Combine(work, "app");
        var added = feed.Dotnet(app, "add", "package", "UnitGen.MSBuild", "--version", "0.1.0");
        Assert.True(added.ExitCode == 0, added.Output);
        return app;
    }

    private ExternalTool.Result Build(string app, params string[] extra) =>
        feed.Dotnet(app, ["build", "-c", "Release", "-nologo", .. extra]);

    private (ExternalTool.Result Result, long Milliseconds) Publish(string app)
    {
        var clock = Stopwatch.StartNew();
        var result = feed.Dotnet(app, "publish", "-c", "Release", "-o", "pub", "-v:n", "-nologo");
        return (result, clock.ElapsedMilliseconds);
    }
}
