using UnitGen.Lint;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Lint;

[Trait(Category.Name, Category.Unit)]
public class LintRuleTests
{
    private static IEnumerable<(string Code, int Line, int Column)> Lint(string name, string text, UnixFileMode mode = EmittedMode) =>
        Linter.LintFiles([new LintFile(name, LintFile.KindOf(name)!.Value, text, mode)])
            .Select(d => (d.Code, d.Location.Line, d.Location.Column));

    private const UnixFileMode EmittedMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    [Fact]
    public void UG0403_hup_reload_for_puma()
    {
        Assert.Equal([("UG0403", 3, 12)], Lint("a.service", "[Service]\nExecStart=/usr/bin/puma -C /srv/puma.rb\nExecReload=/bin/kill -HUP $MAINPID\n"));
        Assert.Empty(Lint("a.service", "[Service]\nExecStart=/usr/bin/unicorn -c /srv/unicorn.rb\nExecReload=/bin/kill -HUP $MAINPID\n"));
    }

    [Fact]
    public void An_exec_line_resolves_percent_once()
    {
        var files = new[] { new LintFile("a.service", LintFileKind.Service, "[Service]\nExecStart=/usr/bin/puma -C /srv/100%%%%.rb\n", EmittedMode) };

        var service = Assert.Single(LintModelBuilder.Build(files));

        Assert.Equal(["/usr/bin/puma", "-C", "/srv/100%%.rb"], service.Model.Server.Command.AsEnumerable());
    }

    [Fact]
    public void UG0503_export_in_an_environment_file()
    {
        Assert.Equal([("UG0503", 2, 1)], Lint("app.env", "RAILS_ENV=production\nexport SECRET=x\n"));
        Assert.Empty(Lint("app.env", "RAILS_ENV=production\n# export is fine in a comment\n"));
    }

    [Fact]
    public void UG0503_judges_a_dotenv_file_only_when_an_EnvironmentFile_names_it()
    {
        const string Dotenv = "RAILS_ENV=production\nexport SECRET_KEY_BASE=x\n";
        LintFile Env(string path) => new(path, LintFileKind.EnvironmentFile, Dotenv, EmittedMode);
        LintFile Unit(string environmentFile) => new("app.service", LintFileKind.Service, $"[Service]\nUser=app\nExecStart=/usr/bin/puma\n{environmentFile}", EmittedMode);

        // systemd reads it: named by EnvironmentFile= (also with `-`), or named like a systemd env file.
        Assert.Contains(Linter.Lint([Unit("EnvironmentFile=-/srv/app/shared/.env\n"), Env("/srv/app/shared/.env")]), d => d.Code == "UG0503" && d.Location.Line == 2 && d.Location.Column == 1);
        Assert.Contains(Linter.Lint([Env("/etc/default/app")]), d => d.Code == "UG0503");
        // the dotenv gem reads it (it takes `export`): alone, or beside a unit that does not name it.
        Assert.DoesNotContain(Linter.Lint([Env("/srv/app/.env.production")]), d => d.Code == "UG0503");
        Assert.DoesNotContain(Linter.Lint([Unit("EnvironmentFile=/etc/default/app\n"), Env("/srv/app/.env")]), d => d.Code == "UG0503");
    }

    [Fact]
    public void UG0601_run_script_that_execs_the_unicorn_master()
    {
        Assert.Equal([("UG0601", 3, 29)], Lint("run", "#!/bin/sh\nexec 2>&1\nexec chpst -u deploy:deploy unicorn -c /srv/app/unicorn.rb\n"));
        Assert.Equal([("UG0601", 2, 43)], Lint("run", "#!/bin/sh\nexec chpst -e ./env -u deploy bundle exec /usr/bin/unicorn_rails -E production\n"));
        Assert.Equal([("UG0601", 2, 36)], Lint("run", "#!/bin/sh\nexec envdir ./env setuidgid deploy 'unicorn'\n"));
        Assert.Empty(Lint("run", "#!/bin/sh\nexec chpst -u deploy \"$service_dir/unicorn-follow\" unicorn -c unicorn.rb\n"));
        Assert.Empty(Lint("run", "#!/bin/sh\nexec chpst -u deploy puma -C puma.rb\n"));
    }

    [Fact]
    public void UG0602_run_script_whose_last_command_is_not_execd()
    {
        Assert.Equal([("UG0602", 3, 1)], Lint("run", "#!/bin/sh\ncd /srv/app || exit 1\nchpst -u deploy puma -C puma.rb\n"));
        Assert.Equal([("UG0602", 2, 1)], Lint("run", "#!/bin/sh\nexec 2>&1\n"));
        Assert.Empty(Lint("run", "#!/bin/sh\nexec 2>&1\nexec chpst -u deploy puma -C puma.rb\n\n"));
    }

    [Fact]
    public void UG0702_comment_after_a_value()
    {
        Assert.Equal([("UG0702", 2, 22)], Lint("a.service", "[Unit]\nRequires=puma.socket # note\n"));
        Assert.Empty(Lint("a.service", "[Unit]\nDescription=Puma # 1\n# Requires=x\nRequires=puma.socket\n"));
        Assert.Empty(Lint("a.service", "[Service]\nExecStart=/bin/echo \"a # b\"\n"));
    }

    [Fact]
    public void UG0703_unknown_key_with_suggestion()
    {
        Assert.Equal([("UG0703", 2, 1), ("UG0703", 3, 1)], Lint("a.service", "[Service]\nExecRestart=/bin/kill -USR2 $MAINPID\nUsr=deploy\nX-Custom=1\nUser=deploy\n"));
        Assert.Empty(Lint("a.socket", "[Socket]\nListenStream=9292\nBacklog=1024\n[Install]\nWantedBy=sockets.target\n"));
        // systemd 252 knows NonBlocking= only in [Service] (unicorn examples/unicorn@.service puts it there).
        Assert.Equal([("UG0703", 2, 1)], Lint("b.socket", "[Socket]\nNonBlocking=true\n"));
    }

    [Fact]
    public void UG0704_syslog_output()
    {
        Assert.Equal([("UG0704", 2, 16)], Lint("a.service", "[Service]\nStandardOutput=syslog\nStandardError=journal\n"));
    }

    [Fact]
    public void UG0706_executable_unit_file()
    {
        Assert.Equal([("UG0706", 0, 0)], Lint("a.service", "[Unit]\n", EmittedMode | UnixFileMode.UserExecute));
        Assert.Empty(Lint("a.service", "[Unit]\n"));
    }

    [Fact]
    public void UG0707_lines_systemd_ignores()
    {
        Assert.Equal([("UG0707", 1, 1), ("UG0707", 3, 1)], Lint("a.service", "User=x\n[Service]\nnonsense\n"));
    }

    [Fact]
    public void UG0204_assignment_taken_as_the_program()
    {
        Assert.Equal([("UG0204", 2, 11)], Lint("a.service", "[Service]\nExecStart=RAILS_ENV=production /usr/bin/puma\n"));
        Assert.Empty(Lint("a.service", "[Service]\nEnvironment=RAILS_ENV=production\nExecStart=/bin/sh -c 'RAILS_ENV=production exec puma'\n"));
    }

    [Fact]
    public void UG0407_kill_without_a_pid()
    {
        Assert.Equal([("UG0407", 2, 12)], Lint("a.service", "[Service]\nExecReload=/bin/kill -s USR2\n"));
        Assert.Empty(Lint("a.service", "[Service]\nExecReload=/bin/kill -s USR2 $MAINPID\n"));
    }

    [Fact]
    public void UG0709_working_directory_not_absolute()
    {
        Assert.Equal([("UG0709", 2, 18)], Lint("a.service", "[Service]\nWorkingDirectory=<YOUR_APP_PATH>\n"));
        Assert.Empty(Lint("a.service", "[Service]\nWorkingDirectory=%h/app\n"));
    }

    [Fact]
    public void UG0725_path_under_var_run()
    {
        Assert.Equal([("UG0725", 2, 14)], Lint("a.socket", "[Socket]\nListenStream=/var/run/app/puma.sock\n"));
        Assert.Empty(Lint("a.socket", "[Socket]\nListenStream=/run/app/puma.sock\n"));
    }

    [Theory]
    [InlineData("Type=forking\nExecStart=/usr/bin/puma -C /srv/puma.rb\n", "UG0205", 2, 6)]
    [InlineData("ExecStart=/usr/bin/puma -C /srv/puma.rb -d\n", "UG0206", 2, 11)]
    [InlineData("KillMode=process\nExecStart=/bin/sh -c 'cd /srv && puma'\n", "UG0406", 2, 10)]
    public void Service_rules_trigger_at_their_line(string service, string code, int line, int column)
    {
        var found = Linter.Lint([new LintFile("a.service", LintFileKind.Service, "[Service]\nUser=app\n" + service, EmittedMode)]);

        Assert.Contains(found, d => d.Code == code && d.Location.Line == line + 1 && d.Location.Column == column);
    }

    [Theory]
    [InlineData("Type=simple\nExecStart=/usr/bin/puma -C /srv/puma.rb\n")]
    [InlineData("Type=forking\nPIDFile=/run/app/puma.pid\nExecStart=/usr/bin/unicorn -c /srv/unicorn.rb -D\n")]
    [InlineData("KillMode=process\nExecStart=/bin/sh -c 'cd /srv && exec puma'\n")]
    public void Service_rules_are_quiet_on_their_twins(string service)
    {
        var found = Linter.Lint([new LintFile("a.service", LintFileKind.Service, "[Service]\nUser=app\n" + service, EmittedMode)]);

        Assert.DoesNotContain(found, d => d.Code is "UG0205" or "UG0206" or "UG0406");
    }

    [Theory]
    [InlineData("KillSignal=SIGTSTP\n", 3, 12)]
    [InlineData("KillSignal=QUIT\n", 3, 12)]
    [InlineData("ExecReload=/bin/kill -TSTP $MAINPID\n", 3, 12)]
    [InlineData("ExecReload=/bin/kill -s TERM $MAINPID\n", 3, 12)]
    [InlineData("ExecStop=/bin/sh -c 'kill -USR2 $MAINPID'\n", 3, 10)]
    public void UG0409_signal_puma_does_not_handle_that_way(string line, int at, int column)
    {
        var found = Linter.Lint([new LintFile("a.service", LintFileKind.Service, "[Service]\nExecStart=/usr/bin/puma -C /srv/puma.rb\n" + line, EmittedMode)]);

        Assert.Contains(found, d => d.Code == "UG0409" && d.Location.Line == at && d.Location.Column == column);
    }

    [Theory]
    [InlineData("a.service", "KillSignal=SIGINT\nExecReload=/bin/kill -USR1 $MAINPID\nExecStop=/bin/kill -TERM $MAINPID\n")]
    [InlineData("a.service", "ExecReload=/bin/kill -s USR2 $MAINPID\n")]
    public void UG0409_is_quiet_on_the_signals_puma_traps(string name, string lines)
    {
        var found = Linter.Lint([new LintFile(name, LintFileKind.Service, "[Service]\nExecStart=/usr/bin/puma -C /srv/puma.rb\n" + lines, EmittedMode)]);

        Assert.DoesNotContain(found, d => d.Code == "UG0409");
        // unicorn's QUIT is its graceful stop (unicorn 6.0.0 SIGNALS): the puma table does not apply.
        Assert.DoesNotContain(Linter.Lint([new LintFile(name, LintFileKind.Service, "[Service]\nExecStart=/usr/bin/unicorn -c /srv/unicorn.rb\nKillSignal=SIGQUIT\n", EmittedMode)]), d => d.Code == "UG0409");
    }

    [Fact]
    public void UG0409_hup_stop_with_stdout_redirect_only_reopens_logs()
    {
        LintFile[] Files(string rb) =>
        [
            new("a.service", LintFileKind.Service, "[Service]\nExecStart=/usr/bin/puma -C /srv/puma.rb\nKillSignal=SIGHUP\n", EmittedMode),
            new("puma.rb", LintFileKind.PumaConfig, rb, EmittedMode),
        ];

        Assert.Contains(Linter.Lint(Files("workers 2\nstdout_redirect '/srv/log/out.log', '/srv/log/err.log'\n")), d => d.Code == "UG0409" && d.Location.Line == 3);
        Assert.DoesNotContain(Linter.Lint(Files("workers 2\n")), d => d.Code == "UG0409");
    }

    private const string SocketOn3000 = "[Socket]\nListenStream=127.0.0.1:3000\n";

    [Fact]
    public void UG0113_socket_tied_to_the_service_only_by_requires()
    {
        var found = Linter.Lint(
        [
            new LintFile("app.service", LintFileKind.Service, "[Unit]\nAfter=network.target app-puma.socket\nRequires=app-puma.socket\n[Service]\nUser=app\nExecStart=/usr/bin/puma -b tcp://127.0.0.1:3000\n", EmittedMode),
            new LintFile("app-puma.socket", LintFileKind.Socket, SocketOn3000, EmittedMode),
        ]);

        Assert.Contains(found, d => d.Code == "UG0113" && d.Location.File == "app.service" && d.Location.Line == 2 && d.Location.Column == 7);
    }

    [Theory]
    [InlineData("app.service", "[Unit]\nRequires=app-puma.socket\n[Service]\nSockets=app-puma.socket\n", "app-puma.socket", SocketOn3000)]
    [InlineData("app.service", "[Unit]\nRequires=app-puma.socket\n[Service]\n", "app-puma.socket", "[Socket]\nListenStream=127.0.0.1:3000\nService=app.service\n")]
    [InlineData("app.service", "[Unit]\nRequires=app.socket\n[Service]\n", "app.socket", SocketOn3000)]
    [InlineData("app.service", "[Unit]\nAfter=redis.socket\n[Service]\n", "redis.socket", "[Socket]\nListenStream=127.0.0.1:6379\n")]
    public void UG0113_is_quiet_when_systemd_hands_the_socket_over_or_it_is_not_the_servers(string service, string serviceText, string socket, string socketText)
    {
        var found = Linter.Lint(
        [
            new LintFile(service, LintFileKind.Service, serviceText + "User=app\nExecStart=/usr/bin/puma -b tcp://127.0.0.1:3000\n", EmittedMode),
            new LintFile(socket, LintFileKind.Socket, socketText, EmittedMode),
        ]);

        Assert.DoesNotContain(found, d => d.Code == "UG0113");
    }

    private static string GemfileLock(string puma) => $"GEM\n  remote: https://rubygems.org/\n  specs:\n    puma ({puma})\n\nPLATFORMS\n  ruby\n";

    [Theory]
    [InlineData("5.0.4", "UG0206", Model.Diagnostics.Severity.Error)]
    [InlineData(null, "UG0206", Model.Diagnostics.Severity.Warning)]
    [InlineData("4.3.12", null, null)]
    public void UG0206_daemonize_in_a_puma_rb_given_alone_is_judged_by_its_version(string? puma, string? code, Model.Diagnostics.Severity? severity)
    {
        LintFile[] files =
        [
            new("puma.rb", LintFileKind.PumaConfig, "workers 2\npidfile 'tmp/pids/puma.pid'\ndaemonize true\n", EmittedMode),
            .. puma is null ? [] : new[] { new LintFile("Gemfile.lock", LintFileKind.GemfileLock, GemfileLock(puma), null) },
        ];

        var found = Linter.Lint(files).Where(d => d.Code == "UG0206").ToList();

        Assert.Equal(code is null ? [] : [(code, 3, 1, severity)], found.Select(d => (d.Code, d.Location.Line, d.Location.Column, (Model.Diagnostics.Severity?)d.Severity)));
    }

    [Theory]
    [InlineData("USR1", true)]
    [InlineData("USR2", false)]
    public void A_run_script_with_its_puma_rb_and_control_h_is_judged_across_files(string signal, bool phased)
    {
        // runsv(8): `sv reload` runs control/h; USR1 is puma's phased restart, which a preloaded app turns into a hot one (UG0402).
        var found = Linter.Lint(
        [
            new LintFile("/sv/shop/run", LintFileKind.RunitRun, "#!/bin/sh\nexec chpst -u deploy puma -C /srv/shop/puma.rb\n", EmittedMode),
            new LintFile("/sv/shop/control/h", LintFileKind.RunitControl, $"#!/bin/sh\nkill -{signal} $(cat supervise/pid)\n", EmittedMode),
            new LintFile("/srv/shop/puma.rb", LintFileKind.PumaConfig, "workers 2\npreload_app!\n", EmittedMode),
        ]);

        Assert.Equal(phased, found.Any(d => d.Code == "UG0402" && d.Location.File == "/srv/shop/puma.rb" && d.Location.Line == 2 && d.Location.Column == 1));
        Assert.DoesNotContain(found, d => d.Code == "UG0602");
    }

    [Fact]
    public void A_run_script_that_execs_a_daemonizing_server_is_reported_at_the_flag()
    {
        var found = Linter.Lint([new LintFile("run", LintFileKind.RunitRun, "#!/bin/sh\nexec chpst -u deploy unicorn -c /srv/unicorn.rb -D\n", EmittedMode)]);

        Assert.Contains(found, d => d.Code == "UG0206" && d.Location.Line == 2 && d.Location.Column == 49);
        Assert.DoesNotContain(Linter.Lint([new LintFile("run", LintFileKind.RunitRun, "#!/bin/sh\nexec chpst -u deploy unicorn -c /srv/unicorn.rb\n", EmittedMode)]), d => d.Code == "UG0206");
    }

    [Fact]
    public void Every_lint_rule_is_documented_and_codes_are_unique()
    {
        Assert.All(LintRuleCatalog.All, r =>
        {
            Assert.Matches("^UG0[2-7][0-9]{2}$", r.Code);
            Assert.False(string.IsNullOrWhiteSpace(r.Title));
            Assert.False(string.IsNullOrWhiteSpace(r.Fix));
            Assert.False(string.IsNullOrWhiteSpace(r.Explanation));
        });
        Assert.Equal(LintRuleCatalog.All.Length, LintRuleCatalog.All.Select(r => r.Code).Distinct().Count());
    }
}
