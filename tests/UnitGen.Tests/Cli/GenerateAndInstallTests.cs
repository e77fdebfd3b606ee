using UnitGen.Tests.Support;

namespace UnitGen.Tests.Cli;

/// <summary>
/// The CLI additions of 2026-11-30 (DESIGN.md): stale files removed by the manifest, <c>--diff</c>, the restart
/// command, <c>install --root</c>, <c>init --type</c>, info counted apart.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public sealed class GenerateAndInstallTests
{
    private static string Unicorn => File.ReadAllText(Path.Combine(RepoPaths.Samples, "unicorn-runit.yaml"));

    [Fact]
    public void A_file_the_model_no_longer_produces_is_stale_for_check_and_removed_by_generate()
    {
        using var dir = new TempFolder();
        var model = dir.Write("unitgen.yaml", Unicorn);
        var other = dir.Write("other.yaml", File.ReadAllText(Path.Combine(RepoPaths.Samples, "puma-phased.yaml")));
        Assert.Equal(0, CliRun.Of("generate", model, "--out", dir.File("out")).ExitCode);
        Assert.Equal(0, CliRun.Of("generate", other, "--out", dir.File("out")).ExitCode);
        Assert.True(File.Exists(dir.File("out/runit/storefront/run")));

        // The next version of the model gives runit up.
        File.WriteAllText(model, Unicorn.Replace("supervisor: [ systemd, runit ]", "supervisor: systemd", StringComparison.Ordinal));
        var check = CliRun.Of("generate", model, "--out", dir.File("out"), "--check");
        var generate = CliRun.Of("generate", model, "--out", dir.File("out"));
        var recheck = CliRun.Of("generate", model, "--out", dir.File("out"), "--check");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains($"stale: {dir.File("out/runit/storefront/run")}", check.Stdout, StringComparison.Ordinal);
        Assert.True(generate.ExitCode == 0, generate.Stderr);
        Assert.Contains($"removed: {dir.File("out/runit/storefront/run")}", generate.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out/runit")), "the emptied runit folders stay behind");
        Assert.Equal(0, recheck.ExitCode);
        // The other model's files in the same folder are its own.
        Assert.True(File.Exists(dir.File("out/systemd/pushconfig.service")));
        Assert.True(File.Exists(dir.File("out/app/puma.rb")));
    }

    [Fact]
    public void A_manifest_line_outside_the_folder_is_never_removed()
    {
        using var dir = new TempFolder();
        var model = dir.Write("unitgen.yaml", Unicorn);
        var outside = dir.Write("precious.txt", "keep me");
        Assert.Equal(0, CliRun.Of("generate", model, "--out", dir.File("out")).ExitCode);
        File.AppendAllText(dir.File("out/.unitgen/storefront.manifest"), "../precious.txt\n/etc/passwd\n");

        Assert.Equal(0, CliRun.Of("generate", model, "--out", dir.File("out")).ExitCode);

        Assert.Equal("keep me", File.ReadAllText(outside));
    }

    [Fact]
    public void Generate_ends_with_the_restart_command_of_each_supervisor()
    {
        using var dir = new TempFolder();

        var puma = CliRun.Of("generate", Path.Combine(RepoPaths.Samples, "puma-phased.yaml"), "--out", dir.File("puma"));
        var unicorn = CliRun.Of("generate", Path.Combine(RepoPaths.Samples, "unicorn-runit.yaml"), "--out", dir.File("unicorn"));
        var kestrel = CliRun.Of("generate", Path.Combine(RepoPaths.Samples, "kestrel-socket.yaml"), "--out", dir.File("kestrel"));

        Assert.EndsWith("restart with: systemctl reload pushconfig.service\n", puma.Stdout, StringComparison.Ordinal);
        Assert.Contains("restart with: systemctl restart storefront.service\n", unicorn.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("restart with: sv 2 /etc/sv/storefront\n", unicorn.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("restart with: systemctl restart shop.service\n", kestrel.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Install_root_puts_every_file_where_the_model_says_and_touches_no_supervisor()
    {
        using var dir = new TempFolder();
        var root = dir.File("root");

        var puma = CliRun.Of("install", Path.Combine(RepoPaths.Samples, "puma-phased.yaml"), "--root", root);
        var unicorn = CliRun.Of("install", Path.Combine(RepoPaths.Samples, "unicorn-runit.yaml"), "--root", root);

        Assert.True(puma.ExitCode == 0, puma.Stderr);
        Assert.True(unicorn.ExitCode == 0, unicorn.Stderr);
        Assert.Contains("no supervisor touched", puma.Stdout, StringComparison.Ordinal);
        // What the host that receives the tree runs; install itself ran nothing.
        Assert.Contains("on the host: systemctl daemon-reload\non the host: systemctl enable pushconfig.service pushconfig.socket\n", puma.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\nsystemctl ", puma.Stdout, StringComparison.Ordinal);
        string[] expected =
        [
            "etc/default/pushconfig 640",
            "etc/default/storefront 640",
            "etc/sv/storefront/control/h 755",
            "etc/sv/storefront/env/RAILS_ENV 640",
            "etc/sv/storefront/env/RAILS_LOG_TO_STDOUT 640",
            "etc/sv/storefront/log/run 755",
            "etc/sv/storefront/run 755",
            "etc/sv/storefront/unicorn-follow 755",
            "etc/systemd/system/pushconfig.service 644",
            "etc/systemd/system/pushconfig.socket 644",
            "etc/systemd/system/storefront.service 644",
            "etc/systemd/system/storefront.socket 644",
            "var/www/pushconfig/shared/puma.rb 644",
            "var/www/storefront/shared/unicorn.rb 644",
        ];
        var installed = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(root, f)} {Convert.ToString((int)File.GetUnixFileMode(f), 8)}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, installed);
        // What the unit points at is what was installed.
        var service = File.ReadAllText(Path.Combine(root, "etc/systemd/system/pushconfig.service"));
        Assert.Contains("EnvironmentFile=/etc/default/pushconfig", service, StringComparison.Ordinal);
        Assert.Contains("/var/www/pushconfig/shared/puma.rb", service, StringComparison.Ordinal);
        Assert.EndsWith("restart with: systemctl reload pushconfig.service\n", puma.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Install_root_enables_the_instances_of_a_process_template_not_the_template()
    {
        using var dir = new TempFolder();

        var run = CliRun.Of("install", Path.Combine(RepoPaths.Samples, "rails-sidekiq.yaml"), "--root", dir.File("root"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(File.Exists(dir.File("root/etc/systemd/system/bookshop-worker@.service")));
        Assert.Contains("on the host: systemctl enable bookshop.service bookshop.socket bookshop.target bookshop-worker@1.service bookshop-worker@2.service\n",
            run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Install_root_puts_a_user_service_under_the_users_home_from_the_roots_passwd()
    {
        using var dir = new TempFolder();
        var root = dir.File("root");
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        File.WriteAllText(Path.Combine(root, "etc", "passwd"), "root:x:0:0:root:/root:/bin/sh\ndeploy:x:1001:1001::/home/deploy:/bin/bash\n");

        var run = CliRun.Of("install", Path.Combine(RepoPaths.Samples, "puma-user.yaml"), "--root", root);

        Assert.True(run.ExitCode == 0, run.Stderr);
        string[] expected =
        [
            "home/deploy/.config/shop/shop.env 640",
            "home/deploy/.config/systemd/user/shop.service 644",
            "home/deploy/.config/systemd/user/shop.socket 644",
            "home/deploy/apps/shop/shared/puma.rb 644",
        ];
        var installed = Directory.EnumerateFiles(Path.Combine(root, "home"), "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(root, f)} {Convert.ToString((int)File.GetUnixFileMode(f), 8)}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, installed);
        Assert.Contains("loginctl enable-linger deploy", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("systemctl --user daemon-reload && systemctl --user enable shop.service shop.socket", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("restart with: systemctl --user reload shop.service\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Install_root_of_a_user_service_whose_user_the_root_does_not_know_uses_home_slash_user_and_says_so()
    {
        using var dir = new TempFolder();
        var root = dir.File("root");

        var run = CliRun.Of("install", Path.Combine(RepoPaths.Samples, "puma-user.yaml"), "--root", root);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("installing under /home/deploy", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "home/deploy/.config/systemd/user/shop.service")));
    }

    [Fact]
    public void Install_refuses_an_invalid_model_and_installs_nothing()
    {
        using var dir = new TempFolder();

        var run = CliRun.Of("install", Path.Combine(RepoPaths.InvalidSamples, "misspelled-key.yaml"), "--root", dir.File("root"));

        Assert.Equal(1, run.ExitCode);
        Assert.False(Directory.Exists(dir.File("root")));
    }

    [Theory]
    [InlineData("puma")]
    [InlineData("unicorn")]
    [InlineData("kestrel")]
    [InlineData("command")]
    public void Init_type_writes_a_starter_that_validates_without_errors(string type)
    {
        using var dir = new TempFolder();
        var model = dir.File("unitgen.yaml");

        var init = CliRun.Of("init", "--type", type, "--name", "myapp", "--out", model);
        var validate = CliRun.Of("validate", model);

        Assert.True(init.ExitCode == 0, init.Stderr);
        Assert.Contains($"type: {type}", File.ReadAllText(model), StringComparison.Ordinal);
        Assert.True(validate.ExitCode == 0, validate.Stderr + validate.Stdout);
        Assert.Contains("0 error(s), 0 warning(s)", validate.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_refuses_an_unknown_type()
    {
        using var dir = new TempFolder();

        Assert.Equal(2, CliRun.Of("init", "--type", "passenger", "--out", dir.File("unitgen.yaml")).ExitCode);
    }

    [Fact]
    public void Summaries_count_info_apart_from_warnings()
    {
        // puma-runit: UG0603 (info) tells which sv commands restart it; it is no warning.
        var run = CliRun.Of("validate", Path.Combine(RepoPaths.Samples, "puma-runit.yaml"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("info UG0603", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("1 model(s): 0 error(s), 0 warning(s), 1 info.\n", run.Stdout, StringComparison.Ordinal);
    }
}
