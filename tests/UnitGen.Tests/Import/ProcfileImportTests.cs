using UnitGen.Emitters;
using UnitGen.Formats.Procfile;
using UnitGen.Lint;
using UnitGen.Lint.Import;
using UnitGen.Model;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Loading;
using UnitGen.Tests.Cli;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Import;

/// <summary>
/// <c>unitgen import Procfile</c>: foreman's format read as foreman 0.87.2 reads it, the web's server
/// recognised from its command, the other entries as processes, and every setting either in a key or in a
/// <c># not imported:</c> comment.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public sealed class ProcfileImportTests
{
    private static ImportedModel Import(string procfile, ForemanOptions? options = null, string? env = null) =>
        ProcfileImporter.Import("/srv/app/Procfile", procfile, options ?? new ForemanOptions(), env is null ? [] : [("/srv/app/.env", env)]);

    private static ServiceModel ModelOf(string procfile, ForemanOptions? options = null, string? env = null) => Import(procfile, options, env).Model;

    [Fact]
    public void Entries_are_lines_foreman_matches_in_order_and_other_lines_are_reported()
    {
        var (entries, skipped) = Procfile.Parse("# comment\r\nweb:bundle exec puma\r\n\r\nclock-1:   ruby clock.rb\nnot an entry\n#worker: sidekiq\nbad name: x\n");

        Assert.Equal([("web", "bundle exec puma", 2), ("clock-1", "ruby clock.rb", 4)], entries.Select(e => (e.Name, e.Command, e.Line)));
        Assert.Equal([5, 7], skipped.Select(s => s.Line));
    }

    [Fact]
    public void Env_file_values_are_unquoted_as_foreman_does_and_export_lines_are_skipped()
    {
        var (variables, skipped) = ForemanEnvFile.Parse("A='x $y'\nB=\"one\\ntwo \\\"q\\\"\"\nC=plain value\nexport D=1\nA=again\n");

        Assert.Equal([("B", "one\ntwo \"q\""), ("C", "plain value"), ("A", "again")], variables.Select(v => (v.Name, v.Value)));
        Assert.Equal([4], skipped.Select(s => s.Line));
    }

    [Theory]
    [InlineData("web: bundle exec puma -C config/puma.rb -p $PORT", ServerType.Puma, "5000")]
    [InlineData("web: bin/rails server -p ${PORT:-3000} -b 127.0.0.1", ServerType.Puma, "tcp://127.0.0.1:5000")]
    [InlineData("web: bundle exec unicorn -p $PORT -c ./config/unicorn.rb", ServerType.Unicorn, "5000")]
    [InlineData("web: exec bundle exec puma -b tcp://127.0.0.1:$PORT", ServerType.Puma, "tcp://127.0.0.1:5000")]
    [InlineData("web: bundle exec puma -C config/puma.rb", ServerType.Puma, "5000")]
    [InlineData("web: bundle exec passenger start -p $PORT", ServerType.Command, "5000")]
    public void The_web_server_type_is_recognised_from_its_command_and_listens_on_foremans_port(string line, ServerType type, string listen)
    {
        var model = ModelOf(line);

        Assert.Equal(type, model.Server.Type);
        Assert.Equal(Listener.Parse(listen), Assert.Single(model.Listen));
    }

    [Fact]
    public void Puma_options_become_server_keys_and_the_default_bundled_command_runs()
    {
        var model = ModelOf("web: bundle exec puma -t 5:8 -w 2 -e production --preload -p $PORT");

        Assert.Equal(new ThreadRange(5, 8), model.Server.Threads);
        Assert.Equal(2, model.Server.Workers);
        Assert.Equal("production", model.Server.Environment);
        Assert.True(model.Server.Preload);
        Assert.True(model.Server.Command.IsEmpty);
    }

    [Fact]
    public void The_port_is_foremans_base_plus_100_per_entry_before_it()
    {
        Assert.Equal(Listener.Port(5100), ModelOf("clock: ruby clock.rb\nweb: bundle exec puma -p $PORT").Listen.Single());
        Assert.Equal(Listener.Port(8000), ModelOf("web: bundle exec puma -p $PORT", new ForemanOptions { Port = 8000 }).Listen.Single());
        Assert.Equal(Listener.Port(7000), ModelOf("web: bundle exec puma -p $PORT", env: "PORT=7000\n").Listen.Single());
    }

    [Fact]
    public void A_sidekiq_with_only_config_and_timeout_runs_the_default_with_those_keys()
    {
        var worker = ModelOf("worker: bundle exec sidekiq -C config/sidekiq.yml -t 30").Processes.Single();

        Assert.Equal(ProcessType.Sidekiq, worker.Type);
        Assert.Equal("/srv/app/config/sidekiq.yml", worker.Config);
        Assert.Equal(30, worker.StopTimeout);
        Assert.True(worker.Command.IsEmpty);
        Assert.Equal("bundle exec --keep-file-descriptors sidekiq -C /srv/app/config/sidekiq.yml -t 30", string.Join(' ', worker.EffectiveCommand()));
    }

    [Fact]
    public void A_sidekiq_with_options_that_have_no_key_keeps_its_command_and_drops_removed_flags_with_a_reason()
    {
        var imported = Import("worker: bundle exec sidekiq -c 8 -q call_flow -t 25 -L log/sidekiq.log");
        var worker = imported.Model.Processes.Single();

        Assert.Equal(["bundle", "exec", "sidekiq", "-c", "8", "-q", "call_flow", "-t", "25"], worker.Command);
        Assert.Equal(25, worker.StopTimeout);
        Assert.Contains(imported.NotImported, n => n.Text == "-L log/sidekiq.log" && n.Reason.Contains("UG0803", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("clock: bundle exec clockwork lib/clock.rb", new[] { "bundle", "exec", "clockwork", "lib/clock.rb" })]
    [InlineData("jobs: bin/delayed_job run", new[] { "/srv/app/bin/delayed_job", "run" })]
    [InlineData("jobs: QUEUE=mailers bundle exec rake jobs:work", new[] { "env", "QUEUE=mailers", "bundle", "exec", "rake", "jobs:work" })]
    [InlineData("cron: run-parts /etc/periodic/daily && crond -f", new[] { "/bin/sh", "-c", "run-parts /etc/periodic/daily && crond -f" })]
    [InlineData("jobs: bundle exec sidekiq -c $THREADS", new[] { "/bin/sh", "-c", "exec bundle exec sidekiq -c $THREADS" })]
    [InlineData("api: ruby api.rb -p $PORT", new[] { "ruby", "api.rb", "-p", "5000" })]
    public void Other_entries_become_command_processes_run_as_foremans_shell_would(string line, string[] argv)
    {
        var process = ModelOf(line).Processes.Single();

        Assert.Equal(argv, process.Command);
    }

    [Fact]
    public void The_formation_gives_instances_and_a_process_it_leaves_at_zero_is_reported()
    {
        var imported = Import("web: bundle exec puma -p $PORT\nworker: bundle exec sidekiq\nclock: ruby clock.rb\n", new ForemanOptions { Formation = "web=1, worker=3" });

        Assert.Equal(3, imported.Model.Processes.Single().Instances);
        Assert.Contains(imported.NotImported, n => n.Text.StartsWith("clock:", StringComparison.Ordinal) && n.Reason.Contains("formation", StringComparison.Ordinal));
    }

    [Fact]
    public void Foremans_export_options_land_in_their_model_keys()
    {
        var imported = Import("web: bundle exec puma -p $PORT\nclock: ruby clock.rb\n", new ForemanOptions { App = "shop", User = "deploy", Root = "/var/www/shop", Log = "/var/log/shop-sv", Timeout = 20, Run = "/run/shop", Template = "/etc/foreman" });
        var model = imported.Model;

        Assert.Equal(("shop", "deploy", "/var/www/shop", "/var/log/shop-sv", 20), (model.Name, model.User, model.Directory, model.Runit.LogDir, model.Processes.Single().StopTimeout));
        Assert.Contains(imported.Header, h => h.StartsWith("not imported: --run", StringComparison.Ordinal));
        Assert.Contains(imported.Header, h => h.StartsWith("not imported: --template", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_option_of_the_web_command_is_carried_or_reported()
    {
        var imported = Import("web: bundle exec unicorn -p $PORT -c ./config/unicorn.rb -D -N -E production");

        Assert.Equal("production", imported.Model.Server.Environment);
        Assert.Equal(["-c ./config/unicorn.rb", "-D", "-N"], imported.NotImported.Select(n => n.Text));
    }

    [Theory]
    [InlineData("web: bundle exec puma -C config/puma.rb -p $PORT", "/etc/app/puma.rb")]
    [InlineData("web: bin/rails server -p $PORT", "/etc/app/puma.rb")]
    [InlineData("web: bundle exec unicorn -c ./config/unicorn.rb", "/etc/app/unicorn.rb")]
    public void An_app_config_where_unitgen_installs_its_own_by_default_gets_server_config_suggested_elsewhere(string line, string suggested)
    {
        var imported = Import(line);

        Assert.Null(imported.Model.Server.Config);
        Assert.Equal($"\"{suggested}\"", imported.CommentedKeys["server.config"]);
        Assert.Contains("# config: \"" + suggested + "\"", ModelYamlWriter.Write(imported), StringComparison.Ordinal);
        Assert.False(Import("web: bundle exec puma -C /etc/puma/app.rb -p $PORT").CommentedKeys.ContainsKey("server.config"));
    }

    [Fact]
    public void The_release_entry_runs_once_per_deploy_and_is_reported_not_made_a_service()
    {
        var imported = Import("web: bundle exec puma -p $PORT\nrelease: bundle exec rake db:migrate\n");

        Assert.Empty(imported.Model.Processes);
        Assert.Contains(imported.NotImported, n => n.Source.Line == 2);
    }

    [Fact]
    public void The_imported_model_loads_validates_and_its_generated_files_lint_clean()
    {
        var procfile = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "assets", "procfile", "Procfile"));
        var env = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "assets", "procfile", "env"));
        var yaml = ModelYamlWriter.Write(ProcfileImporter.Import("/var/www/bookshop/Procfile", procfile, new ForemanOptions { App = "bookshop", User = "deploy", Formation = "all=1,worker=2" }, [("/var/www/bookshop/.env", env)]));

        var loaded = ModelLoader.Load(yaml, "unitgen.yaml");
        Assert.NotNull(loaded.Model);
        Assert.Empty(loaded.Diagnostics.Concat(UnitGen.Model.Rules.Validator.Validate(loaded.Model, loaded.Map)).Where(d => d.Severity != Severity.Info).Select(d => d.ToString()));
        Assert.Equal(["worker", "clock"], loaded.Model.Processes.Select(p => p.Name));

        var files = Generator.Emit(loaded.Model).Where(f => LintFile.KindOf(f.Path) is not null).Select(f => LintFile.Of(f.Path, f.Content, null)).ToList();
        Assert.Empty(Linter.Lint(files).Where(d => d.Severity != Severity.Info).Select(d => d.ToString()));
    }

    [Fact]
    public void The_command_line_imports_a_procfile_with_its_env_file()
    {
        using var dir = new TempFolder();
        File.WriteAllText(Path.Combine(dir.Path, "Procfile"), "web: bundle exec puma -p $PORT\nworker: bundle exec sidekiq -t 20\n");
        File.WriteAllText(Path.Combine(dir.Path, "prod.env"), "RAILS_ENV=production\n");
        var model = Path.Combine(dir.Path, "unitgen.yaml");

        var run = CliRun.Of("import", Path.Combine(dir.Path, "Procfile"), "--env", Path.Combine(dir.Path, "prod.env"), "--app", "shop", "--out", model);

        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(model);
        Assert.Contains("RAILS_ENV: \"production\"   # from prod.env(1)", text, StringComparison.Ordinal);
        Assert.Contains("stopTimeout: 20   # from Procfile(2)", text, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Of("validate", model).ExitCode);
    }

    [Fact]
    public void Foreman_options_without_a_procfile_are_refused()
    {
        using var dir = new TempFolder();
        var unit = Path.Combine(dir.Path, "app.service");
        File.WriteAllText(unit, "[Service]\nExecStart=/usr/bin/puma\n");

        var run = CliRun.Of("import", unit, "--formation", "all=2", "--out", Path.Combine(dir.Path, "m.yaml"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("go with a Procfile only", run.Stderr, StringComparison.Ordinal);
    }
}
