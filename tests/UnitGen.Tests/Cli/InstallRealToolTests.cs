using UnitGen.Tests.Support;

namespace UnitGen.Tests.Cli;

/// <summary>
/// <c>unitgen install --root</c> judged by the real tools of a host: systemd 252's own `systemctl --root` (offline: it
/// reads and links unit files in the tree, no service manager is involved) takes the enable line install prints, and
/// the tree is usable by the service's user whatever root's umask was.
/// </summary>
[Trait(Category.Name, Category.RealTool)]
public sealed class InstallRealToolTests
{
    [Fact]
    public void Systemctl_enables_what_install_prints_and_refuses_the_template_itself()
    {
        using var dir = new TempFolder();
        var root = dir.File("root");
        var install = CliRun.Of("install", Path.Combine(RepoPaths.Samples, "rails-sidekiq.yaml"), "--root", root);
        Assert.True(install.ExitCode == 0, install.Stderr);
        var enable = install.Stdout.Split('\n').Single(l => l.StartsWith("on the host: systemctl enable ", StringComparison.Ordinal))
            .Split(" ")[5..];

        var printed = ExternalTool.Run("systemctl", ["--root", root, "enable", .. enable]);
        // Negative control: the template by its own name, as install did before.
        var template = ExternalTool.Run("systemctl", ["--root", root, "enable", "bookshop-worker@.service"]);

        Assert.True(printed.ExitCode == 0, printed.Output);
        Assert.Equal("/etc/systemd/system/bookshop-worker@.service", new FileInfo(Path.Combine(root, "etc/systemd/system/bookshop.target.wants/bookshop-worker@2.service")).LinkTarget);
        Assert.NotEqual(0, template.ExitCode);
        Assert.Contains("non-template unit", template.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_install_creates_are_0755_under_a_umask_of_077()
    {
        using var dir = new TempFolder();
        var root = dir.File("root");

        var run = ExternalTool.Run("sh", ["-c", "umask 077 && exec \"$0\" install \"$1\" --root \"$2\"", CliProcess.Binary, Path.Combine(RepoPaths.Samples, "puma-phased.yaml"), root]);

        Assert.True(run.ExitCode == 0, run.Output);
        string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(Path.Combine(root, path)), 8);
        Assert.Equal("755", Mode("."));
        Assert.Equal("755", Mode("var"));
        Assert.Equal("755", Mode("var/www/pushconfig/shared"));
        Assert.Equal("644", Mode("var/www/pushconfig/shared/puma.rb"));
        // The secret stays secret.
        Assert.Equal("640", Mode("etc/default/pushconfig"));
    }
}
