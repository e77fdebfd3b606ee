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

    private (ExternalTool.Result Result, long Milliseconds) Publish(string app)
    {
        var clock = Stopwatch.StartNew();
        var result = feed.Dotnet(app, "publish", "-c", "Release", "-o", "pub", "-v:n", "-nologo");
        return (result, clock.ElapsedMilliseconds);
    }
}
