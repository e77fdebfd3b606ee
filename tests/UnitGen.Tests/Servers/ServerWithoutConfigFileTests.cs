using System.Collections.Immutable;
using UnitGen.Model;
using UnitGen.Model.Facts;
using UnitGen.Model.Servers;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Servers;

/// <summary>
/// A server UnitGen reads the command line of but writes no config file for (found by adding Thin 1.8.1 on a
/// throwaway branch, docs/architecture.md): its command is run as written, with no config option inserted.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public class ServerWithoutConfigFileTests
{
    /// <summary>Thin's shape: program names and options, no config file of its own.</summary>
    private sealed record ConfiglessServer : ServerProfile
    {
        public override ServerType Type => ServerType.Command;

        public override ImmutableArray<string> ServerKeys => ["command"];

        public override ImmutableArray<string> ProgramNames => ["thin"];

        public override ImmutableArray<ServerOption> CommandOptions =>
        [
            new('a', "address", OptionValue.Required, ServerOptionRole.Host),
            new('p', "port", OptionValue.Required, ServerOptionRole.Port),
        ];

        public override bool CanNotify(ServerSpec server) => false;
    }

    [Fact]
    public void Its_command_is_run_as_written()
    {
        // Arrange
        var profile = new ConfiglessServer();
        ImmutableArray<string> command = ["bundle", "exec", "thin", "start", "-a", "127.0.0.1", "-p", "3000"];

        // Act
        var run = ServerCommandLine.Parse(profile, command).WithConfig(profile, "/srv/app/config/x");

        // Assert
        Assert.Equal(command, run);
    }

    [Fact]
    public void A_server_with_a_config_file_gets_it_after_the_program_negative_control()
    {
        // Arrange
        var profile = ServerProfiles.Of(ServerType.Puma);
        ImmutableArray<string> command = ["bundle", "exec", "puma"];

        // Act
        var run = ServerCommandLine.Parse(profile, command).WithConfig(profile, "/srv/app/config/puma.rb");

        // Assert
        Assert.Equal<string>(["bundle", "exec", "puma", "-C", "/srv/app/config/puma.rb"], run);
    }
}
