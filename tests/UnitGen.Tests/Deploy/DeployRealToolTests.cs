using UnitGen.Emitters.Deploy;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Deploy;

/// <summary>
/// The real tools judge the deploy files: shellcheck and dash read bin/NAME-restart, ruby and Debian's
/// capistrano 3.17.2 load capistrano/NAME.rake, visudo and sudo read sudoers/NAME. Each with a negative control.
/// </summary>
[Trait(Category.Name, Category.RealTool)]
public class DeployRealToolTests
{
    public static TheoryData<string> Variants => DeployModels.Variants;

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_restart_script_passes_shellcheck_and_sh(string variant)
    {
        var model = DeployModels.Load(variant);
        var script = DeployModels.Files(model)[RestartScriptEmitter.OutputPath(model)];
        using var dir = new TempFolder();
        var file = dir.Write(RestartScriptEmitter.FileName(model), script.Content);

        var check = ExternalTool.Run("shellcheck", ["--shell=sh", "--severity=style", file]);
        var syntax = ExternalTool.Run("sh", ["-n", file]);
        var usage = ExternalTool.Run("sh", [file, "reboot"]);
        var absent = ExternalTool.Run("sh", [file, "status"]);

        Assert.True(check.ExitCode == 0, check.Output);
        Assert.True(syntax.ExitCode == 0, syntax.Output);
        Assert.Equal(2, usage.ExitCode);
        // Not installed on this machine: one line and exit status 1, never a half-done restart.
        Assert.Equal(1, absent.ExitCode);
        Assert.Equal($"{RestartScriptEmitter.FileName(model)}: {model.Name} is not installed on this host", Assert.Single(absent.Stderr.TrimEnd('\n').Split('\n')).Split(" (")[0]);
    }

    [Fact]
    public void Shellcheck_flags_what_the_script_avoids()
    {
        // Negative control: the same checker, on a line the ShellWriter never writes (an unquoted expansion).
        using var dir = new TempFolder();
        var file = dir.Write("bad", "#!/bin/sh\nunit=$1\nsystemctl restart $unit\n");

        Assert.NotEqual(0, ExternalTool.Run("shellcheck", ["--shell=sh", "--severity=style", file]).ExitCode);
    }

    [Fact]
    public void Cap_lists_every_unitgen_task_of_the_imported_rake_file()
    {
        var model = DeployModels.Sample;
        using var app = new TempFolder();
        foreach (var file in DeployModels.Files(model).Values)
        {
            app.Write(Path.Combine("deploy", file.Path), file.Content);
        }

        var rake = app.File($"deploy/{CapistranoTasksEmitter.OutputPath(model)}");
        app.Write("config/deploy.rb", "set :application, \"shopfront\"\n");
        app.Write("config/deploy/production.rb", "server \"127.0.1.1\", user: \"deploy\", roles: %w[web app]\n");
        const string capfile = "require \"capistrano/setup\"\nrequire \"capistrano/deploy\"\n";
        app.Write("Capfile", capfile + "import \"deploy/capistrano/shopfront.rake\"\n");

        var syntax = ExternalTool.Run("ruby", ["-c", rake]);
        var listed = ExternalTool.Run("cap", ["-T"], app.Path);
        var hooked = ExternalTool.Run("cap", ["production", "deploy", "--dry-run"], app.Path);
        app.Write("Capfile", capfile);
        var without = ExternalTool.Run("cap", ["-T"], app.Path);

        Assert.Equal("Syntax OK", syntax.Stdout.Trim());
        Assert.True(listed.ExitCode == 0, listed.Output);
        string[] tasks = ["install", "start", "stop", "status", "restart", "hot_restart", "phased_restart", "rolling_restart[kind]"];
        Assert.All(tasks, task => Assert.Contains($"cap unitgen:{task} ", listed.Stdout, StringComparison.Ordinal));
        // deploy.capistrano.hook: the rolling restart runs after deploy:published, through the script, with sudo.
        Assert.True(hooked.ExitCode == 0, hooked.Output);
        Assert.Contains("unitgen:rolling_restart", hooked.Output, StringComparison.Ordinal);
        Assert.Contains("sudo -n /usr/local/bin/shopfront-restart restart", hooked.Output, StringComparison.Ordinal);
        // Negative control: the same app without the import has no unitgen task.
        Assert.True(without.ExitCode == 0, without.Output);
        Assert.DoesNotContain("unitgen:", without.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Visudo_accepts_the_sudoers_drop_in_and_refuses_a_broken_one()
    {
        var model = DeployModels.Sample;
        var sudoers = DeployModels.Files(model)[SudoersEmitter.OutputPath(model)].Content;
        using var dir = new TempFolder();
        var good = dir.Write("good", sudoers);
        var bad = dir.Write("bad", sudoers.Replace("NOPASSWD:", "NOPASSWD", StringComparison.Ordinal));

        var accepted = ExternalTool.Run("visudo", ["-c", "-f", good]);
        var refused = ExternalTool.Run("visudo", ["-c", "-f", bad]);

        Assert.True(accepted.ExitCode == 0, accepted.Output);
        Assert.NotEqual(0, refused.ExitCode);
    }

    [Fact]
    public void Real_sudo_allows_the_tasks_commands_and_refuses_any_other()
    {
        // sudo -l -U USER COMMAND (run as root) answers whether USER may run COMMAND, and runs nothing. It is
        // asked in a private mount namespace where a temp folder is /etc/sudoers.d and a copy of /etc/passwd
        // holds a throwaway user: the host's sudo configuration is never touched.
        const string user = "ugsudocheck";
        var model = DeployModels.Sample with { User = user };
        var sudoers = DeployModels.Files(model)[SudoersEmitter.OutputPath(model)].Content;
        using var dir = new TempFolder();
        var drop = Path.Combine(dir.Path, "sudoers.d");
        Directory.CreateDirectory(drop);
        File.WriteAllText(Path.Combine(drop, model.Name), sudoers);
        File.SetUnixFileMode(Path.Combine(drop, model.Name), SudoersEmitter.Mode);
        // sudo resolves a command before it matches it: the restart script must exist (a stub in a private /usr/local/bin).
        var bin = dir.Write("bin/shopfront-restart", "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(bin, UnitGen.Emitters.EmittedFile.Executable);
        File.WriteAllText(Path.Combine(dir.Path, "passwd"), File.ReadAllText("/etc/passwd") + $"{user}:x:64999:64999::/nonexistent:/usr/sbin/nologin\n");
        string[][] allowed =
        [
            ["/usr/bin/systemctl", "start", "shopfront.socket", "shopfront.service"],
            ["/usr/bin/systemctl", "stop", "shopfront-worker@1.service", "shopfront-worker@2.service"],
            ["/usr/local/bin/shopfront-restart", "restart", "phased"],
            ["/usr/local/bin/shopfront-restart", "status"],
        ];
        string[][] refused =
        [
            ["/usr/bin/systemctl", "daemon-reload"],
            ["/usr/bin/systemctl", "start", "ssh.service"],
            ["/usr/bin/systemctl", "start", "shopfront.service"],
            ["/usr/local/bin/shopfront-restart", "restart", "phased", "--now"],
            ["/bin/sh"],
        ];
        var script = $"""
            set -e
            mount --bind {dir.Path}/sudoers.d /etc/sudoers.d
            mount --bind {dir.Path}/passwd /etc/passwd
            mount --bind {dir.Path}/bin /usr/local/bin
            ask() {"{"} if sudo -l -U {user} "$@" >/dev/null 2>&1; then echo "allowed $*"; else echo "refused $*"; fi; {"}"}
            {string.Join('\n', allowed.Concat(refused).Select(c => "ask " + string.Join(' ', c)))}
            """;

        var run = ExternalTool.Run("unshare", ["--mount", "--propagation", "private", "sh", "-c", script]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(
            [.. allowed.Select(c => "allowed " + string.Join(' ', c)), .. refused.Select(c => "refused " + string.Join(' ', c))],
            run.Stdout.TrimEnd('\n').Split('\n'));
    }
}
