using System.Text.Json;
using System.Text.RegularExpressions;
using UnitGen.Cli.Commands;
using UnitGen.Emitters.App;
using UnitGen.Model;
using UnitGen.Model.Loading;
using UnitGen.Model.Servers;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Servers;

/// <summary>
/// What adding a server type takes (docs/architecture.md): a <see cref="ServerType"/> member, its profile in
/// <see cref="ServerProfiles"/>, its config emitter in <see cref="AppConfigEmitters"/> when it has a config file,
/// the schema's <c>server.type</c>, and a sample. Each test names the step that was forgotten; the last one keeps
/// per-server knowledge in the profile, so no rule, emitter or lint code needs an audit for the new type.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public class NewServerTypeTests
{
    public static TheoryData<ServerType> Types => [.. Enum.GetValues<ServerType>()];

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_server_type_has_one_profile_whose_name_the_loader_reads(ServerType type)
    {
        // Arrange
        var profile = ServerProfiles.All.SingleOrDefault(p => p.Type == type);
        Assert.True(profile is not null, $"no profile of ServerType.{type} in ServerProfiles.All: write {type}Profile in src/Model/Servers and add it to ServerProfiles.All");

        // Act
        var command = profile.HasDefaultCommand ? string.Empty : "\n  command: [/srv/app/bin/app]";
        var loaded = ModelLoader.Load($"name: app\nuser: deploy\ndirectory: /srv/app\nserver:\n  type: {profile.Name}{command}\n", "app.yaml");

        // Assert
        Assert.Equal(type, loaded.Model?.Server.Type);
    }

    [Fact]
    public void The_schema_lists_exactly_the_profiles()
    {
        // Arrange
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.Schema));

        // Act
        var listed = schema.RootElement.GetProperty("definitions").GetProperty("server").GetProperty("properties")
            .GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString());

        // Assert
        Assert.Equal(ServerProfiles.All.Select(p => p.Name).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void A_server_with_a_config_file_has_its_emitter_and_one_without_has_none(ServerType type)
    {
        // Arrange
        var profile = ServerProfiles.Of(type);

        // Act
        var emitter = AppConfigEmitters.For(type);

        // Assert
        Assert.Equal(profile.ConfigFileName is not null, emitter is not null);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_server_type_has_a_valid_sample(ServerType type)
    {
        // Arrange
        var name = ServerProfiles.Of(type).Name;

        // Act
        var samples = RepoPaths.ValidSampleFiles.Where(f => ModelLoader.LoadFile(f).Model?.Server.Type == type).ToList();

        // Assert
        Assert.True(samples.Count > 0, $"no sample in samples/ has `server.type: {name}`; add one (its golden files follow with UNITGEN_ACCEPT=1)");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Init_has_a_starter_for_every_server_type_that_validates(ServerType type)
    {
        // Arrange
        var name = ServerProfiles.Of(type).Name;
        Assert.True(InitCommand.Starters.ContainsKey(name), $"`unitgen init --type {name}` has no starter: add one to src/Cli/Commands/InitCommand.cs");

        // Act
        var loaded = ModelLoader.Load(InitCommand.Starters[name]("app"), "unitgen.yaml");

        // Assert
        Assert.Equal(type, loaded.Model?.Server.Type);
        Assert.DoesNotContain(loaded.Validate(), d => d.IsError);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void A_server_has_a_default_command_exactly_when_the_profile_gives_one(ServerType type)
    {
        // Arrange
        var profile = ServerProfiles.Of(type);

        // Act
        var command = profile.DefaultCommand(new ServerSpec { Type = type }, "/srv/app/config/x");

        // Assert
        Assert.Equal(profile.HasDefaultCommand, !command.IsEmpty);
    }

    /// <summary>
    /// Files that may name one server type, and why; anything else asks <c>model.Server.Profile</c>. A file whose
    /// name names the server (PumaFacts, UG0105UnicornListenMismatch) is about that server and may too.
    /// </summary>
    private static readonly Dictionary<string, string> MayNameAServer = new(StringComparer.Ordinal)
    {
        ["src/Model/ServerType.cs"] = "the type itself",
        ["src/Emitters/App/AppConfigEmitters.cs"] = "the registry of config emitters",
        ["src/Model/ServerSpec.cs"] = "IsPuma, for puma's own rules",
        ["src/Model/Loading/ModelReader.cs"] = "puma is the default of server.type (DESIGN.md)",
        ["src/Model/Rules/Restarts/UG0402PhasedWithPreload.cs"] = "one branch per server, each citing its source",
        ["src/Model/Rules/Project/UG0310UseSystemdWithoutIntegration.cs"] = "UseSystemd() is Kestrel's",
        ["src/Lint/Import/ProcfileImporter.cs"] = "`rails server` starts the Gemfile's puma",
    };

    [Fact]
    public void Only_the_profiles_and_files_about_one_server_name_a_server_type()
    {
        // Arrange
        var src = Path.Combine(RepoPaths.Root, "src");
        // Command is "any other program": code may say "not a server UnitGen knows" without naming one.
        var names = Enum.GetValues<ServerType>().Where(t => t != ServerType.Command).Select(t => t.ToString()).ToList();
        var named = new Regex($@"\bServerType\.(?<type>{string.Join('|', names)})\b");

        // Act
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => !MayNameAServer.ContainsKey(f))
            .SelectMany(f => named.Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, f)))
                .Select(m => m.Groups["type"].Value)
                .Where(type => !Path.GetFileName(f).Contains(type, StringComparison.Ordinal))
                .Distinct()
                .Select(type => $"{f} names ServerType.{type}"))
            .ToList();

        // Assert
        Assert.True(names.Count > 0);
        Assert.True(offenders.Count == 0, "ask the profile instead (src/Model/Servers/ServerProfile.cs):\n" + string.Join('\n', offenders));
    }
}
