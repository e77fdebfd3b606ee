using System.Text;
using UnitGen.Lint;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Loading;
using UnitGen.Model.Rules.Project;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Rules;

/// <summary>
/// The rules only UnitGen.MSBuild can check, because they need the project beside the model: each with a
/// trigger at its line:col and a near twin that is clean. (PublishTests runs UG0310 through real MSBuild.)
/// </summary>
[Trait(Category.Name, Category.Unit)]
public sealed class ProjectRuleTests
{
    // Line 7, column 15: the value of useSystemd.
    private const string Kestrel = """
        name: app
        user: deploy
        directory: /srv/app
        server:
          type: kestrel
          command: [ /srv/app/App ]
          useSystemd: true
        listen: [ "tcp://127.0.0.1:5000" ]
        systemd: { notify: true }

        """;

    private const string AppSettings = """
        {
          // comments and trailing commas, as the JSON configuration provider allows
          "Logging": { "LogLevel": { "Default": "Information" } },
          "kestrel": {
            "Endpoints": {
              "Http": { "Url": "http://127.0.0.1:5000", },
            },
          },
        }
        """;

    [Fact]
    public void UG0310_useSystemd_in_a_project_without_the_systemd_integration()
    {
        var found = Check(Kestrel, references: ["Microsoft.AspNetCore.App", "app"]);

        var d = Assert.Single(found);
        Assert.Equal("UG0310", d.Code);
        Assert.Equal(new SourceLocation("unitgen.yaml", 7, 15), d.Location);
    }

    [Theory]
    [InlineData("UnitGen.Hosting")]
    [InlineData("microsoft.extensions.hosting.systemd")]
    public void UG0310_twin_either_package_or_its_assembly_gives_UseSystemd(string reference)
    {
        Assert.Empty(Check(Kestrel, references: ["Microsoft.AspNetCore.App", reference]));
    }

    [Fact]
    public void UG0120_Kestrel_endpoints_in_appsettings_json_under_socket_activation()
    {
        var found = Check(Kestrel, references: ["UnitGen.Hosting"], appSettings: ("/src/app/appsettings.json", AppSettings));

        var d = Assert.Single(found);
        Assert.Equal("UG0120", d.Code);
        Assert.Equal(new SourceLocation("/src/app/appsettings.json", 6, 7), d.Location);
        Assert.Contains("`Http` (`http://127.0.0.1:5000`)", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/src/app/appsettings.Production.json", "", 1)]
    [InlineData("/src/app/appsettings.Development.json", "", 0)]
    [InlineData("/src/app/appsettings.Staging.json", "environment: { ASPNETCORE_ENVIRONMENT: Staging }\n", 1)]
    [InlineData("/src/app/appsettings.json", "", 1)]
    public void UG0120_only_the_files_the_service_environment_reads(string file, string extra, int expected)
    {
        var found = Check(Kestrel + extra, references: ["UnitGen.Hosting"], appSettings: (file, AppSettings));

        Assert.Equal(expected, found.Count(d => d.Code == "UG0120"));
    }

    [Fact]
    public void UG0120_twin_without_socket_activation_Kestrel_may_bind_its_endpoints()
    {
        var model = Kestrel.Replace("useSystemd: true", "useSystemd: false", StringComparison.Ordinal)
            .Replace("systemd: { notify: true }", "systemd: { socketActivation: false }", StringComparison.Ordinal);

        Assert.Empty(Check(model, references: [], appSettings: ("/src/app/appsettings.json", AppSettings)));
    }

    [Fact]
    public void Appsettings_that_are_not_json_give_no_endpoints()
    {
        Assert.Empty(AppSettingsReader.Endpoints("appsettings.json", Encoding.UTF8.GetBytes("{ \"Kestrel\": ")));
    }

    [Fact]
    public void Explain_knows_the_project_rules()
    {
        Assert.NotNull(CodeCatalog.Find("UG0120"));
        Assert.NotNull(CodeCatalog.Find("UG0310"));
    }

    private static List<Diagnostic> Check(string yaml, string[] references, (string File, string Json)? appSettings = null)
    {
        var loaded = ModelLoader.Load(yaml, "unitgen.yaml");
        Assert.Empty(loaded.Diagnostics);
        var endpoints = appSettings is { } a ? AppSettingsReader.Endpoints(a.File, Encoding.UTF8.GetBytes(a.Json)) : [];
        return [.. ProjectRuleCatalog.Validate(loaded.Model!, loaded.Map, new ProjectFacts([.. references], endpoints))];
    }
}
