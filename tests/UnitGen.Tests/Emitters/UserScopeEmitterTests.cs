using UnitGen.Emitters;
using UnitGen.Emitters.Install;
using UnitGen.Model;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Emitters;

/// <summary>
/// `systemd.scope: user`: units for the model user's own manager (`systemctl --user`). What differs from a system
/// unit, read off the emitted text; the sandbox a user manager applies is proven in EndToEnd/UserScopeTests.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public class UserScopeEmitterTests
{
    private const string App = """
        name: shop
        user: deploy
        group: deploy
        directory: /home/deploy/apps/shop
        environment: { RAILS_ENV: production }
        server:
          type: puma
          version: "5.6.5"
          workers: 2
          preload: false
        listen: [ "tcp://127.0.0.1:3000" ]
        processes:
          worker:
            type: sidekiq
            version: "6.4.1"
            instances: 2
        restart: phased

        """;

    [Fact]
    public void A_user_unit_names_no_account_and_is_wanted_by_default_target()
    {
        var files = Emit(App + "systemd: { scope: user }\n");

        foreach (var unit in new[] { "systemd/shop.service", "systemd/shop-worker@.service", "systemd/shop.target", "systemd/shop.socket" })
        {
            Assert.DoesNotMatch(@"(?m)^(User|Group)=", files[unit]);
            Assert.DoesNotContain("multi-user.target", files[unit], StringComparison.Ordinal);
            Assert.DoesNotContain("network.target", files[unit], StringComparison.Ordinal);
        }

        Assert.Contains("\nWantedBy=default.target\n", files["systemd/shop.service"], StringComparison.Ordinal);
        Assert.Contains("\nWantedBy=default.target\n", files["systemd/shop.target"], StringComparison.Ordinal);
        // sockets.target exists in a user manager too (systemd.special(7)): sockets still start before services.
        Assert.Contains("\nWantedBy=sockets.target\n", files["systemd/shop.socket"], StringComparison.Ordinal);
        Assert.Contains("\nWantedBy=shop.target\n", files["systemd/shop-worker@.service"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_system_twin_keeps_its_account_and_multi_user_target()
    {
        var files = Emit(App);

        Assert.Contains("\nUser=deploy\nGroup=deploy\n", files["systemd/shop.service"], StringComparison.Ordinal);
        Assert.Contains("\nWantedBy=multi-user.target\n", files["systemd/shop.service"], StringComparison.Ordinal);
        Assert.Contains("\nAfter=network.target shop.socket\n", files["systemd/shop.service"], StringComparison.Ordinal);
        Assert.Contains("\nEnvironmentFile=/etc/default/shop\n", files["systemd/shop.service"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_file_of_a_user_unit_is_under_the_users_home_unless_the_model_names_one()
    {
        Assert.Contains("\nEnvironmentFile=%h/.config/shop/shop.env\n", Emit(App + "systemd: { scope: user }\n")["systemd/shop.service"], StringComparison.Ordinal);
        Assert.Contains("\nEnvironmentFile=/home/deploy/shop.env\n",
            Emit(App + "envFile: /home/deploy/shop.env\nsystemd: { scope: user }\n")["systemd/shop.service"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_restart_command_of_a_user_service_talks_to_the_users_manager()
    {
        var model = ModelLoader.Load(App + "systemd: { scope: user }\n", "shop.yaml").Model!;

        Assert.Equal("systemctl --user reload shop.service", Assert.Single(RestartCommand.For(model)));
    }

    [Fact]
    public void Scope_is_part_of_the_model_value()
    {
        var system = ModelLoader.Load(App, "a.yaml").Model!;
        var user = ModelLoader.Load(App + "systemd: { scope: user }\n", "b.yaml").Model!;

        Assert.NotEqual(system, user);
        Assert.Equal(user, system with { Systemd = system.Systemd with { Scope = SystemdScope.User } });
    }

    private static Dictionary<string, string> Emit(string yaml)
    {
        var loaded = ModelLoader.Load(yaml, "shop.yaml");
        Assert.True(loaded.Model is not null, string.Join('\n', loaded.Diagnostics));
        return Generator.Emit(loaded.Model).ToDictionary(f => f.Path, f => f.Content);
    }
}
