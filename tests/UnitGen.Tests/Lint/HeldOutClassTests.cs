using UnitGen.Formats.Ruby;
using UnitGen.Lint;
using UnitGen.Model;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Lint;

/// <summary>
/// The classes of mistake that lint got wrong on real configs held out from the corpus (docs/lint-heldout.md):
/// each as a trigger at its line and a near twin that stays quiet.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public class HeldOutClassTests
{
    private const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static LintFile File(string name, string text) => new(name, LintFile.KindOf(name)!.Value, text, Mode);

    private static IEnumerable<(string Code, string File, int Line)> Lint(params LintFile[] files) =>
        Linter.Lint(files).Select(d => (d.Code, d.Location.File, d.Location.Line));

    private const string RailsPumaRb = "threads 5, 5\nport ENV.fetch(\"PORT\") { 3000 }\npidfile \"tmp/pids/server.pid\"\n";

    [Fact]
    public void A_job_runner_beside_the_apps_puma_rb_is_not_read_as_puma()
    {
        var jobs = File("delayed_job.service", "[Service]\nType=forking\nUser=app\nWorkingDirectory=/srv/app/current\n" +
            "ExecStart=/home/app/.rbenv/bin/rbenv exec bundle exec bin/delayed_job start\nPIDFile=/srv/app/tmp/pids/delayed_job.pid\n");
        var web = File("puma.service", "[Service]\nUser=app\nWorkingDirectory=/srv/app/current\nExecStart=/usr/local/bin/puma\n");

        var services = LintModelBuilder.Build([jobs, File("puma.rb", RailsPumaRb)]);

        Assert.Equal(ServerType.Command, Assert.Single(services).Model.Server.Type);
        Assert.Null(services[0].AppConfig);
        Assert.DoesNotContain(Lint(jobs, File("puma.rb", RailsPumaRb)), f => f.Code == "UG0205");
        // The twin: a web service that names no config still takes the only puma.rb given (puma's default config path).
        Assert.Equal(ServerType.Puma, Assert.Single(LintModelBuilder.Build([web, File("puma.rb", RailsPumaRb)])).Model.Server.Type);
    }

    [Fact]
    public void A_config_another_service_names_is_not_taken_as_the_only_one()
    {
        var web = File("puma.service", "[Service]\nUser=app\nExecStart=/usr/local/bin/puma -C /srv/app/config/puma.rb\n");
        var wrapper = File("worker.service", "[Service]\nUser=app\nExecStart=/srv/app/bin/worker-start\n");

        var services = LintModelBuilder.Build([web, wrapper, File("puma.rb", RailsPumaRb)]);

        Assert.NotNull(services.Single(s => s.Service == web).AppConfig);
        Assert.Null(services.Single(s => s.Service == wrapper).AppConfig);
    }

    [Fact]
    public void A_relative_bind_counts_only_under_socket_activation()
    {
        var service = File("puma.service", "[Service]\nUser=deploy\nWorkingDirectory=/home/deploy/app\n" +
            "ExecStart=/bin/bash -lc 'bundle exec puma -e production -b unix://tmp/sockets/puma.sock'\n");
        var socket = File("puma.socket", "[Socket]\nListenStream=/home/deploy/app/tmp/sockets/puma.sock\n");

        Assert.DoesNotContain(Lint(service), f => f.Code == "UG0107");
        Assert.Contains(Lint(service, socket), f => f.Code == "UG0107" && f.File == "puma.service" && f.Line == 4);
    }

    [Fact]
    public void Prune_bundler_keeps_the_preload_default_off_so_a_phased_restart_stays_phased()
    {
        const string service = "[Service]\nUser=app\nExecStart=/usr/bin/bundle exec --keep-file-descriptors puma -C /app/puma.rb\n" +
            "ExecReload=/usr/bin/bundle exec pumactl -F /app/puma.rb phased-restart\n";
        const string config = "state_path \"/run/puma/puma.state\"\nworkers ENV[\"PUMA_WORKERS\"] || 16\nprune_bundler\n";

        Assert.DoesNotContain(Lint(File("puma.service", service), File("puma.rb", config)), f => f.Code == "UG0402");
        // The twin without prune_bundler: an unknown version may be puma 7, which preloads with 16 workers.
        Assert.Contains(Lint(File("puma.service", service), File("puma.rb", config.Replace("prune_bundler\n", string.Empty, StringComparison.Ordinal))),
            f => f.Code == "UG0402");
    }

    [Fact]
    public void Puma_7_preloads_by_default_only_with_more_than_one_worker()
    {
        const string service = "[Service]\nUser=app\nExecStart=/usr/local/bin/puma -C /app/puma.rb\nExecReload=/bin/kill -USR1 $MAINPID\n";
        var lockFile = File("Gemfile.lock", "GEM\n  specs:\n    puma (7.1.0)\n\nBUNDLED WITH\n   2.5.9\n");

        Assert.DoesNotContain(Lint(File("puma.service", service), File("puma.rb", "workers 1\n"), lockFile), f => f.Code == "UG0402");
        Assert.Contains(Lint(File("puma.service", service), File("puma.rb", "workers 2\n"), lockFile), f => f.Code == "UG0402");
    }

    [Fact]
    public void Port_and_bind_to_the_same_address_make_puma_fail_at_boot()
    {
        var service = File("puma.service", "[Service]\nUser=q\nExecStart=/usr/local/bin/bundle exec puma -C config/puma.rb\n");
        const string config = "port ENV.fetch('PORT', 5000)\n\nbind \"tcp://0.0.0.0:#{ENV.fetch('PORT', 5000)}\"\n";

        Assert.Contains(Lint(service, File("puma.rb", config)), f => f.Code == "UG0106" && f.File == "puma.rb" && f.Line == 3);
        Assert.DoesNotContain(Lint(service, File("puma.rb", config.Replace("0.0.0.0:#{", "127.0.0.1:#{", StringComparison.Ordinal).Replace("5000)}", "5001)}", StringComparison.Ordinal))),
            f => f.Code == "UG0106");
    }

    [Fact]
    public void Exec_piped_into_a_logger_leaves_the_shell_to_runsv()
    {
        const string piped = "#!/bin/bash\n\ncd /home/app/webapp\nexec chpst -u app bundle exec puma -C /etc/puma.rb \\\n  2>&1 |logger -t appserver\n";

        Assert.Equal([("UG0602", "run", 4)], Lint(File("run", piped)).Where(f => f.Code == "UG0602"));
        Assert.DoesNotContain(Lint(File("run", "#!/bin/bash\ncd /home/app/webapp\nexec 2>&1\nexec chpst -u app bundle exec puma -C /etc/puma.rb\n")),
            f => f.Code == "UG0602");
    }

    [Fact]
    public void KillMode_mixed_with_a_wrapper_kills_the_server_without_sigterm()
    {
        const string unit = "[Service]\nUser=mo\nWorkingDirectory=/var/web/mo\nKillMode=mixed\n";

        Assert.Contains(Lint(File("puma.service", unit + "ExecStart=/bin/bash -c 'bundle exec puma -C config/puma.rb 2>&1 | grep -v warning'\n")),
            f => f.Code == "UG0406" && f.Line == 4);
        Assert.DoesNotContain(Lint(File("puma.service", unit + "ExecStart=/usr/local/bin/bundle exec puma -C config/puma.rb\n")), f => f.Code == "UG0406");
    }

    [Fact]
    public void Interpolated_strings_are_read_when_every_part_is()
    {
        var config = RubyConfigReader.Parse("app_dir = \"/srv/app\"\nbind \"unix://#{app_dir}/tmp/puma.sock\"\nport \"#{ENV.fetch('PORT') { 3000 }}\"\nbind \"tcp://#{host}:1\"\n");

        Assert.Equal("unix:///srv/app/tmp/puma.sock", config.Calls[0].Arguments[0].Known);
        var port = Assert.IsType<RubyInterpolated>(config.Calls[1].Arguments[0]);
        Assert.Equal("3000", port.Resolve(p => p is RubyEnvOrDefault d ? d.Default?.Known : p.Known));
        Assert.IsType<RubyUnknown>(config.Calls[2].Arguments[0]);
    }

    [Fact]
    public void UG0410_stop_or_reload_that_runs_the_server_again()
    {
        const string unit = "[Service]\nUser=app\nExecStart=/home/app/.rbenv/shims/puma -C /srv/app/config/puma.rb\n";

        Assert.Contains(Lint(File("puma.service", unit + "ExecStop=/home/app/.rbenv/shims/puma -S /srv/app/config/puma.rb\n")),
            f => f.Code == "UG0410" && f.Line == 4);
        Assert.Contains(Lint(File("puma.service", unit + "ExecReload=/bin/bash -lc 'bundle exec --keep-file-descriptors puma -C config/puma.rb'\n")),
            f => f.Code == "UG0410" && f.Line == 4);
        Assert.DoesNotContain(Lint(File("puma.service", unit + "ExecStop=/home/app/.rbenv/shims/pumactl -S /srv/app/tmp/puma.state stop\n" +
            "ExecReload=/bin/systemctl restart puma\n")), f => f.Code == "UG0410");
        Assert.DoesNotContain(Lint(File("unicorn.service", "[Service]\nExecStart=/etc/init.d/unicorn start\nExecReload=/etc/init.d/unicorn reload\n")), f => f.Code == "UG0410");
    }

    [Fact]
    public void UG0702_comment_after_a_value_in_an_environment_file_systemd_reads()
    {
        Assert.Equal([("UG0702", "app.env", 2)], Lint(File("app.env", "RAILS_ENV=production\nDB_POOL=15  # at least RAILS_MAX_THREADS\n"))
            .Where(f => f.Code == "UG0702"));
        Assert.DoesNotContain(Lint(File("app.env", "RAILS_ENV=production\n# pool size\nDB_POOL=15\nHOOK=https://example.org/#top\n")), f => f.Code == "UG0702");
        // A dotenv file no unit names is the dotenv gem's, which strips the comment.
        Assert.DoesNotContain(Lint(File(".env.production", "DB_POOL=15  # pool\n")), f => f.Code == "UG0702");
        // Quoted from the first character, as UnitGen's env writer quotes: the `#` is inside the value on purpose.
        Assert.DoesNotContain(Lint(File("app.env", "DB_POOL=\"15  # pool\"\n")), f => f.Code == "UG0702");
    }

    [Fact]
    public void UG0409_urg_is_puma_refork_with_fork_worker()
    {
        var service = File("puma.service", "[Service]\nUser=app\nExecStart=/usr/local/bin/puma -C puma.rb\nExecReload=/bin/kill -URG $MAINPID\n");

        Assert.DoesNotContain(Lint(service, File("puma.rb", "workers 5\nfork_worker\n")), f => f.Code == "UG0409");
        Assert.Contains(Lint(service, File("puma.rb", "workers 5\n")), f => f.Code == "UG0409" && f.Line == 4);
    }
}
