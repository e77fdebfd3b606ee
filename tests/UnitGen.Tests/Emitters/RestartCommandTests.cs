using UnitGen.Emitters.Install;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Emitters;

/// <summary>
/// The restart command `generate` and `install` print, for every server type and strategy under both supervisors:
/// systemd reloads exactly where the unit has ExecReload=, runit uses runsv's own `sv 1`/`sv 2` for USR1/USR2 and
/// control/h (`sv reload`) for any other signal; a server with no restart of its own is stopped and started.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public sealed class RestartCommandTests
{
    [Theory]
    [InlineData("puma", "phased", "systemctl reload app.service", "sv 1 /etc/sv/app")]
    [InlineData("puma", "hot", "systemctl reload app.service", "sv 2 /etc/sv/app")]
    [InlineData("puma", "normal", "systemctl restart app.service", "sv 2 /etc/sv/app")]
    [InlineData("unicorn", "phased", "systemctl reload app.service", "sv reload /etc/sv/app")]
    [InlineData("unicorn", "normal", "systemctl reload app.service", "sv reload /etc/sv/app")]
    [InlineData("unicorn", "hot", "systemctl restart app.service", "sv 2 /etc/sv/app")]
    [InlineData("kestrel", "normal", "systemctl restart app.service", "sv restart /etc/sv/app")]
    [InlineData("command", "normal", "systemctl restart app.service", "sv restart /etc/sv/app")]
    public void Each_strategy_restarts_the_way_its_generated_files_do(string type, string restart, string systemd, string runit)
    {
        var command = type is "kestrel" or "command" ? "  command: [ /srv/app/bin/app ]\n" : string.Empty;
        var yaml = $"name: app\nuser: www-data\ndirectory: /srv/app\nserver:\n  type: {type}\n{command}" +
            $"listen: [ \"tcp://127.0.0.1:3000\" ]\nrestart: {restart}\nsupervisor: [ systemd, runit ]\n";
        var loaded = ModelLoader.Load(yaml, "app.yaml");
        Assert.True(loaded.Model is not null, string.Join('\n', loaded.Diagnostics));

        Assert.Equal(new[] { systemd, runit }, RestartCommand.For(loaded.Model).ToArray());
    }
}
