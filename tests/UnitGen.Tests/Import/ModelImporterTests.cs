using UnitGen.Emitters;
using UnitGen.Lint;
using UnitGen.Lint.Import;
using UnitGen.Model;
using UnitGen.Model.Loading;
using UnitGen.Tests.Cli;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Import;

/// <summary>
/// <c>unitgen import</c>, one setting at a time: each is carried into its key (and says where from)
/// or named in a "not imported" comment with the reason; nothing is invented.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public sealed class ModelImporterTests
{
    private const string Service = """
        [Unit]
        Description=app
        After=network.target

        [Service]
        User=deploy
        WorkingDirectory=/srv/app
        ExecStart=/usr/bin/puma -C /srv/app/puma.rb
        """;

    [Fact]
    public void Threads_rackup_and_environment_of_puma_rb_are_carried()
    {
        var (model, yaml) = Import(("app.service", Service), ("puma.rb", "threads 2, 8\nrackup \"config.ru\"\nenvironment \"staging\"\n"));

        Assert.Equal(new ThreadRange(2, 8), model.Server.Threads);
        Assert.Equal("config.ru", model.Server.Rackup);
        Assert.Equal("staging", model.Server.Environment);
        Assert.Contains("threads: { min: 2, max: 8 }   # from puma.rb(1)", yaml, StringComparison.Ordinal);
        Assert.Contains("environment: \"staging\"   # from puma.rb(3)", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void After_and_Wants_are_carried_without_what_UnitGen_writes_itself()
    {
        var (model, yaml) = Import(("app.service", Service.Replace("After=network.target", "After=network.target postgresql.service app.socket\nWants=redis.service\nRequires=app.socket", StringComparison.Ordinal)),
            ("app.socket", "[Socket]\nListenStream=127.0.0.1:9292\n"));

        Assert.Equal(["postgresql.service"], model.Systemd.After.AsEnumerable());
        Assert.Equal(["redis.service"], model.Systemd.Wants.AsEnumerable());
        Assert.Contains("# not imported: app.service(5): Requires=app.socket — UnitGen writes Requires= for its own socket", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_socket_beside_a_service_given_alone_is_read()
    {
        using var dir = new TempFolder();
        var service = dir.Write("app.service", Service.Replace("After=network.target", "Requires=web.socket", StringComparison.Ordinal));
        dir.Write("web.socket", "[Socket]\nListenStream=/run/app/puma.sock\nSocketMode=0660\n");

        var run = CliRun.Of("import", service, "--out", dir.File("unitgen.yaml"));

        Assert.Equal(0, run.ExitCode);
        var yaml = File.ReadAllText(dir.File("unitgen.yaml"));
        Assert.Contains("- uri: \"unix:///run/app/puma.sock\"   # from web.socket(2)", yaml, StringComparison.Ordinal);
        Assert.Contains("mode: \"0660\"   # from web.socket(3)", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_whose_socket_is_missing_says_so()
    {
        var (model, yaml) = Import(("app.service", Service.Replace("After=network.target", "Requires=app.socket", StringComparison.Ordinal)));

        Assert.True(model.Listen.IsEmpty);
        Assert.Contains("uses a socket that was not given to import", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("on_worker_boot do\n  ActiveRecord::Base.establish_connection\nend\n", "on_worker_boot do … end — no model key; move it to the server's local config file (server.localConfig)")]
    [InlineData("plugin :tmp_restart\n", "plugin :tmp_restart — no model key; move it to the server's local config file (server.localConfig)")]
    [InlineData("state_path \"/srv/app/tmp/puma.state\"\n", "state_path \"/srv/app/tmp/puma.state\" — UnitGen restarts by signal (ExecReload=), not through pumactl's state file")]
    [InlineData("bind_to_activated_sockets\n", "bind_to_activated_sockets — UnitGen's config binds exactly the `listen` sockets")]
    public void Puma_settings_without_a_key_are_named_with_their_line_and_text(string pumaRb, string comment)
    {
        var (_, yaml) = Import(("app.service", Service), ("puma.rb", "workers 2\n" + pumaRb));

        Assert.Contains("# not imported: puma.rb(2): " + comment, yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_pidfile_is_carried_resolved_against_the_working_directory()
    {
        var (model, yaml) = Import(("app.service", Service), ("puma.rb", "pidfile \"tmp/pids/puma.pid\"\n"));

        Assert.Equal("/srv/app/tmp/pids/puma.pid", model.Server.Pidfile);
        Assert.Contains("resolved against WorkingDirectory=/srv/app", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_forking_PIDFile_KillMode_and_KillSignal_are_named_with_the_reason()
    {
        var (model, yaml) = Import(("app.service", Service + "\nType=forking\nPIDFile=/srv/app/tmp/puma.pid\nKillMode=process\nKillSignal=SIGINT\n"));

        Assert.False(model.Systemd.Notify);
        Assert.Contains("# not imported: app.service(9): Type=forking — UnitGen writes Type=simple: the server must stay in the foreground", yaml, StringComparison.Ordinal);
        Assert.Contains("# not imported: app.service(10): PIDFile=/srv/app/tmp/puma.pid — only for Type=forking", yaml, StringComparison.Ordinal);
        Assert.Contains("# not imported: app.service(11): KillMode=process — UnitGen writes the kill mode itself", yaml, StringComparison.Ordinal);
        Assert.Contains("# not imported: app.service(12): KillSignal=SIGINT — UnitGen writes the stop signal itself", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/usr/bin/bundle exec pumactl -S /srv/app/tmp/puma.state phased-restart", RestartStrategy.Phased)]
    [InlineData("/usr/bin/pumactl -P /srv/app/tmp/puma.pid restart", RestartStrategy.Hot)]
    [InlineData("/bin/kill -s USR2 $MAINPID", RestartStrategy.Hot)]
    [InlineData("/bin/kill -SIGUSR1 $MAINPID", RestartStrategy.Phased)]
    public void Pumactl_and_kill_reloads_become_the_restart_strategy(string reload, RestartStrategy expected)
    {
        var (model, yaml) = Import(("app.service", Service + "\nExecReload=" + reload + "\n"));

        Assert.Equal(expected, model.Restart);
        Assert.Contains($"restart: {expected.ToString().ToLowerInvariant()}   # from app.service(9)", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reload_UnitGen_cannot_write_is_named_not_turned_into_a_normal_restart_silently()
    {
        var (model, yaml) = Import(("app.service", Service + "\nExecReload=/bin/kill -HUP $MAINPID\n"));

        Assert.Equal(RestartStrategy.Normal, model.Restart);
        Assert.Contains("# not imported: app.service(9): ExecReload=/bin/kill -HUP $MAINPID — UnitGen writes ExecReload= from `restart`", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Preload_is_not_invented_when_puma_rb_does_not_call_preload_app()
    {
        var (model, yaml) = Import(("app.service", Service), ("puma.rb", "workers 2\n"));

        Assert.Null(model.Server.Preload);
        Assert.DoesNotContain("\n  preload:", yaml, StringComparison.Ordinal);
        Assert.Contains("puma.rb does not call preload_app!: puma's default applies", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Preload_app_is_carried_when_puma_rb_calls_it()
    {
        var (model, _) = Import(("app.service", Service), ("puma.rb", "workers 2\npreload_app!\n"));

        Assert.True(model.Server.Preload);
    }

    [Fact]
    public void A_relative_config_flag_is_resolved_against_WorkingDirectory()
    {
        var (model, yaml) = Import(("app.service", Service.Replace("-C /srv/app/puma.rb", "-C config/puma.rb", StringComparison.Ordinal)));

        Assert.Equal("/srv/app/config/puma.rb", model.Server.Config);
        Assert.Contains("# -C config/puma.rb of ExecStart: resolved against WorkingDirectory=/srv/app", yaml, StringComparison.Ordinal);
        Assert.Equal(["/usr/bin/puma", "-C", "config/puma.rb"], model.Server.Command.AsEnumerable());
    }

    [Fact]
    public void A_variable_in_ExecStart_is_replaced_by_the_value_the_unit_gives_it()
    {
        var (model, yaml) = Import(("app.service", Service.Replace("ExecStart=/usr/bin/puma -C /srv/app/puma.rb", "Environment=RAILS_ENV=production \"PUMA_OPTS=-t 5:5\"\nExecStart=/usr/bin/puma -e ${RAILS_ENV} $PUMA_OPTS --tag=app-$RAILS_ENV --literal=$$HOME", StringComparison.Ordinal)));

        Assert.Equal(["/usr/bin/puma", "-e", "production", "-t", "5:5", "--tag=app-production", "--literal=$HOME"], model.Server.Command.AsEnumerable());
        Assert.Contains("systemd substituted it at start", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_the_imported_files_do_not_set_leaves_the_command_commented_out_not_escaped()
    {
        var (model, yaml) = Import(("app.service", Service.Replace("ExecStart=/usr/bin/puma -C /srv/app/puma.rb", "EnvironmentFile=/etc/default/app\nExecStart=/usr/bin/puma -e $RAILS_ENV", StringComparison.Ordinal)));

        Assert.True(model.Server.Command.IsEmpty);
        Assert.Contains("  # command: [\"/usr/bin/puma\", \"-e\", \"$RAILS_ENV\"]   # from app.service(9)", yaml, StringComparison.Ordinal);
        Assert.Contains("uses $RAILS_ENV, which the imported files do not set", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("$$", string.Concat(Generator.Emit(Load(yaml)).Select(f => f.Content)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_unit_keeps_its_specifiers_and_says_it_is_a_template()
    {
        var (model, yaml) = Import(("puma@.service", Service.Replace("/srv/app", "/srv/%i", StringComparison.Ordinal)));

        Assert.Equal("/srv/%i", model.Directory);
        Assert.Contains("puma@.service is a template unit", yaml, StringComparison.Ordinal);
        Assert.Contains("--instance NAME", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_imported_for_an_instance_has_the_values_systemd_gives_that_instance()
    {
        using var dir = new TempFolder();
        var service = dir.Write("puma@.service", Service.Replace("/srv/app", "/srv/%i", StringComparison.Ordinal).Replace("Description=app", "Description=Puma %N for %I (100%%)", StringComparison.Ordinal)
            .Replace("After=network.target", "Requires=puma@%i.socket", StringComparison.Ordinal));
        dir.Write("puma@.socket", "[Socket]\nListenStream=/run/%i/puma.sock\n");

        var run = CliRun.Of("import", service, "--instance", "shop-eu", "--out", dir.File("unitgen.yaml"));

        Assert.Equal(0, run.ExitCode);
        var model = Load(File.ReadAllText(dir.File("unitgen.yaml")));
        Assert.Equal("puma-shop-eu", model.Name);
        Assert.Equal("Puma puma@shop-eu for shop/eu (100%)", model.Description);
        Assert.Equal("/srv/shop-eu", model.Directory);
        Assert.Equal(new UnixAddress("/run/shop-eu/puma.sock"), Assert.Single(model.Listen).Address);
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("")]
    public void An_instance_systemd_would_refuse_is_a_usage_error(string instance)
    {
        using var dir = new TempFolder();
        var service = dir.Write("puma@.service", Service);

        Assert.Equal(2, CliRun.Of("import", service, "--instance", instance, "--out", dir.File("unitgen.yaml")).ExitCode);
    }

    [Theory]
    [InlineData("WorkingDirectory=<YOUR_APP_PATH>", null, "not an absolute path, so systemd refuses the unit")]
    [InlineData("WorkingDirectory=-/srv/shop", "/srv/shop", null)]
    public void A_working_directory_is_carried_only_as_the_absolute_path_systemd_uses(string line, string? expected, string? comment)
    {
        var (model, yaml) = Import(("app.service", Service.Replace("WorkingDirectory=/srv/app", line, StringComparison.Ordinal)));

        Assert.Equal(expected, model.Directory);
        if (comment is not null)
        {
            Assert.Contains($"# not imported: app.service(7): {line} — {comment}", yaml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_file_given_but_not_used_is_named()
    {
        var (_, yaml) = Import(("app.service", Service), ("other.env", "A=1\n"), ("second.env", "B=2\n"));

        Assert.Contains("other.env was given but does not belong to app.service", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadWritePaths_and_prune_bundler_are_carried()
    {
        var (model, yaml) = Import(("app.service", Service + "\nReadWritePaths=/srv/app/shared/storage /srv/app/shared/uploads\nReadWritePaths=-/srv/app/shared/maybe\n"), ("puma.rb", "prune_bundler\n"));

        Assert.Equal(["/srv/app/shared/storage", "/srv/app/shared/uploads"], model.Systemd.ReadWritePaths.AsEnumerable());
        Assert.True(model.Server.PruneBundler);
        Assert.Contains("pruneBundler: true   # from puma.rb(1)", yaml, StringComparison.Ordinal);
        Assert.Contains("# not imported: app.service(10): ReadWritePaths=-/srv/app/shared/maybe — systemd.readWritePaths holds plain absolute paths", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Gemfile_lock_is_named_as_the_source_of_the_versions()
    {
        var (_, yaml) = Import(("app.service", Service), ("Gemfile.lock", "GEM\n  specs:\n    puma (5.6.5)\n"));

        Assert.Contains("# Gemfile.lock is read for the versions it locks", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Directives_systemd_knows_and_UnitGen_does_not_write_are_carried_into_systemd_extra()
    {
        var (model, yaml) = Import(("app.service", Service.Replace("After=network.target", "After=network.target\nDocumentation=https://puma.io\nStartLimitBurst=5", StringComparison.Ordinal)
            + "\nLimitNOFILE=65536\nSyslogIdentifier=shop\nExecStartPre=/bin/mkdir -p /srv/app/tmp\nExecStartPre=/bin/true\nUMask=0002\nTimeoutSec=5\nLimitNPROC=%i\nRestrat=always\n[Install]\nAlias=shop.service\n"));

        Assert.Equal(
            [new("Unit", "Documentation", "https://puma.io"), new("Unit", "StartLimitBurst", "5"), new("Service", "LimitNOFILE", "65536"),
             new("Service", "SyslogIdentifier", "shop"), new SystemdDirective("Install", "Alias", "shop.service")],
            model.Systemd.Extra.AsEnumerable());
        Assert.Contains("LimitNOFILE: \"65536\"   # from app.service(11)", yaml, StringComparison.Ordinal);
        // Generated by UnitGen, repeated, overlapping what UnitGen writes, a specifier, unknown to systemd: each commented with its reason.
        Assert.Contains("# not imported: app.service(15): UMask=0002 — UnitGen writes UMask= itself", yaml, StringComparison.Ordinal);
        Assert.Contains("# not imported: app.service(13): ExecStartPre=/bin/mkdir -p /srv/app/tmp — ExecStartPre= is given 2 times", yaml, StringComparison.Ordinal);
        Assert.Contains("# not imported: app.service(16): TimeoutSec=5 — it also sets TimeoutStopSec=", yaml, StringComparison.Ordinal);
        Assert.Contains("# not imported: app.service(17): LimitNPROC=%i — the value holds a specifier", yaml, StringComparison.Ordinal);
        Assert.Contains("# not imported: app.service(18): Restrat=always — systemd 252 does not know Restrat=", yaml, StringComparison.Ordinal);
        var unit = Generator.Emit(model).Single(f => f.Path.EndsWith(".service", StringComparison.Ordinal)).Content;
        Assert.Contains("\nLimitNOFILE=65536\n", unit, StringComparison.Ordinal);
        Assert.Contains("\nAlias=shop.service\n", unit, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistake_of_the_source_is_corrected_in_the_model_and_said_where()
    {
        // USR1 to a preloading puma is a hot restart (lib/puma/cluster.rb phased_restart): the model says hot, and why.
        var (model, yaml) = Import(("app.service", Service + "\nExecReload=/bin/kill -USR1 $MAINPID\n"), ("puma.rb", "workers 2\npreload_app!\n"));

        Assert.Equal(RestartStrategy.Hot, model.Restart);
        Assert.Contains("# was phased: UG0402 ", yaml, StringComparison.Ordinal);
        Assert.Contains("\nrestart: hot", yaml, StringComparison.Ordinal);
        // The near twin without preload keeps its phased restart and has no note.
        var (twin, twinYaml) = Import(("app.service", Service + "\nExecReload=/bin/kill -USR1 $MAINPID\n"), ("puma.rb", "workers 2\npreload_app! false\n"));
        Assert.Equal(RestartStrategy.Phased, twin.Restart);
        Assert.DoesNotContain("# was ", twinYaml, StringComparison.Ordinal);
    }

    private static (ServiceModel Model, string Yaml) Import(params (string Name, string Text)[] files)
    {
        var given = files.Select(f => new LintFile("/srv/in/" + f.Name, LintFile.KindOf(f.Name)!.Value, f.Text, null)).ToList();
        var services = LintModelBuilder.Build(given);
        var imported = ModelImporter.Import(Assert.Single(services), given);
        var yaml = ModelYamlWriter.Write(imported);
        var loaded = Load(yaml);
        // The written model loads back to the model import read (compared as written, without comments).
        Assert.Equal(ModelYamlWriter.Write(new ImportedModel(imported.Model)), ModelYamlWriter.Write(new ImportedModel(loaded)));
        return (imported.Model, yaml);
    }

    private static ServiceModel Load(string yaml)
    {
        var loaded = ModelLoader.Load(yaml, "unitgen.yaml");
        Assert.True(loaded.Model is not null, string.Join('\n', loaded.Diagnostics) + "\n" + yaml);
        return loaded.Model;
    }
}
