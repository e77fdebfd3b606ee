using UnitGen.Emitters.Deploy;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Deploy;

/// <summary>What the deploy files say for each shape of model, read as text (the real tools judge them in DeployRealToolTests).</summary>
[Trait(Category.Name, Category.Unit)]
public class DeployEmitterTests
{
    [Fact]
    public void User_units_are_driven_with_systemctl_user_from_the_deploy_users_home_without_sudo()
    {
        var model = DeployModels.Load("puma-user-units");
        var files = DeployModels.Files(model);

        var rake = files[CapistranoTasksEmitter.OutputPath(model)].Content;
        var script = files[RestartScriptEmitter.OutputPath(model)].Content;

        Assert.Contains("[\"systemd/mine.service\", \".config/systemd/user/mine.service\", \"0644\", false]", rake, StringComparison.Ordinal);
        Assert.Contains("restart_script = \".local/bin/mine-restart\"", rake, StringComparison.Ordinal);
        // The server config stays where the model says, even under /home.
        Assert.Contains("[\"app/puma.rb\", \"/home/deploy/mine/config/puma.rb\", \"0644\", false]", rake, StringComparison.Ordinal);
        Assert.Contains("start: [\"systemctl\", \"--user\", \"start\", \"mine.socket\", \"mine.service\"]", rake, StringComparison.Ordinal);
        Assert.Contains("user_scope = true", rake, StringComparison.Ordinal);
        Assert.Contains("sudo = false", rake, StringComparison.Ordinal);
        Assert.Contains("user_scope='1'", script, StringComparison.Ordinal);
        Assert.False(files.ContainsKey(SudoersEmitter.OutputPath(model)));
    }

    [Fact]
    public void The_sudoers_drop_in_lists_exactly_the_tasks_commands()
    {
        var model = DeployModels.Load("puma-runit-sidekiq");

        var sudoers = DeployModels.Files(model)[SudoersEmitter.OutputPath(model)].Content;

        Assert.Contains("/usr/bin/sv up /etc/sv/shop, \\", sudoers, StringComparison.Ordinal);
        Assert.Contains("/usr/bin/sv down /etc/sv/shop-worker-1, \\", sudoers, StringComparison.Ordinal);
        Assert.Contains("/usr/local/bin/shop-restart restart hot, \\", sudoers, StringComparison.Ordinal);
        Assert.EndsWith("deploy ALL=(root) NOPASSWD: UNITGEN_SHOP\n", sudoers, StringComparison.Ordinal);
        Assert.DoesNotContain("ALL\n", sudoers.Replace("NOPASSWD: UNITGEN_SHOP\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("daemon-reload", sudoers, StringComparison.Ordinal);
    }

    [Fact]
    public void A_phased_restart_that_cannot_replace_the_code_is_generated_as_a_hot_one()
    {
        // unicorn with preload_app: HUP would keep the old code (unicorn SIGNALS), so no phased signal.
        var model = DeployModels.Load("unicorn-runit");

        var script = DeployModels.Files(model)[RestartScriptEmitter.OutputPath(model)].Content;

        Assert.Contains("phased_signal=''", script, StringComparison.Ordinal);
        Assert.Contains("hot_signal_runit='USR2'", script, StringComparison.Ordinal);
        // Under systemd a USR2 upgrade forks a new master systemd cannot follow (UG0404): stop and start instead.
        Assert.Contains("hot_signal_systemd=''", script, StringComparison.Ordinal);
        Assert.Contains("pidfile='/srv/legacy/tmp/pids/unicorn.pid'", script, StringComparison.Ordinal);
        Assert.Contains("health_url='http://[::1]:8080/'", script, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unix_listener_is_asked_through_curls_unix_socket()
    {
        var model = DeployModels.Load("puma-single-unix-socket");

        var script = DeployModels.Files(model)[RestartScriptEmitter.OutputPath(model)].Content;

        Assert.Contains("health_socket='/run/single/puma.sock'", script, StringComparison.Ordinal);
        Assert.Contains("health_url='http://localhost/up'", script, StringComparison.Ordinal);
        Assert.Contains("workers='0'", script, StringComparison.Ordinal);
        Assert.False(DeployModels.Files(model).ContainsKey(CapistranoTasksEmitter.OutputPath(model)), "no deploy.capistrano, no rake file");
    }
}
