using UnitGen.Emitters;
using UnitGen.Model;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Emitters;

/// <summary>What the emitters derive from a model, beyond the samples' golden files.</summary>
[Trait(Category.Name, Category.Unit)]
public class EmitterTests
{
    private const string Puma = """
        name: app
        user: deploy
        server:
          type: puma
          version: "5.6.5"
          workers: 2
        listen: [ "tcp://127.0.0.1:9292" ]

        """;

    [Theory]
    [InlineData("directory: /home/deploy/apps/app\n")]
    [InlineData("directory: /srv/app\nserver:\n  type: puma\n  command: [ /root/.rbenv/shims/puma, -C, /srv/app/puma.rb ]\n")]
    [InlineData("directory: /srv/app\nenvironment:\n  GEM_HOME: /home/deploy/.gem\n")]
    [InlineData("directory: /srv/app\nenvironment:\n  PATH: /usr/bin:/run/user/1000/bin\n")]
    [InlineData("directory: /srv/app\nserver:\n  type: puma\n  pidfile: /home/deploy/app.pid\n")]
    public void An_app_that_reads_from_a_home_folder_gets_read_only_homes(string yaml)
    {
        var service = Service(Merge(yaml));

        Assert.Contains("\nProtectHome=read-only\n", service, StringComparison.Ordinal);
        Assert.DoesNotContain("\nProtectHome=yes\n", service, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("directory: /srv/app\n")]
    [InlineData("directory: /homes/app\n")]
    [InlineData("directory: /srv/app\nsystemd:\n  stdout: append:/home/deploy/log/out.log\n")]
    [InlineData("directory: /srv/app\nenvFile: /home/deploy/app.env\nenvironment:\n  A: b\n")]
    public void An_app_that_needs_no_home_folder_gets_none(string yaml)
    {
        // Log files and the env file are opened by systemd before the sandbox applies (measured, systemd 252).
        Assert.Contains("\nProtectHome=yes\n", Service(Merge(yaml)), StringComparison.Ordinal);
    }

    [Fact]
    public void Writable_folders_under_a_home_stay_writable()
    {
        var service = Service(Merge("directory: /home/deploy/apps/app\n"));

        Assert.Contains("\nReadWritePaths=-/home/deploy/apps/app/tmp\n", service, StringComparison.Ordinal);
        Assert.Contains("\nReadWritePaths=-/home/deploy/apps/app/log\n", service, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_folders_are_not_made_writable()
    {
        var service = Service(Merge("directory: /srv/app\nsystemd:\n  stdout: append:/var/log/app/out.log\n"));

        Assert.DoesNotContain("/var/log/app", service.Replace("StandardOutput=append:/var/log/app/out.log", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Hardening_none_writes_no_sandbox()
    {
        var service = Service(Merge("systemd:\n  hardening: none\n"));

        Assert.DoesNotContain("Protect", service, StringComparison.Ordinal);
        Assert.DoesNotContain("SystemCallFilter", service, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("normal", null)]
    [InlineData("hot", "ExecReload=/bin/kill -USR2 $MAINPID")]
    [InlineData("phased", "ExecReload=/bin/kill -USR1 $MAINPID")]
    public void Puma_reload_follows_the_restart_strategy_and_never_sends_hup(string restart, string? reload)
    {
        var service = Service(Merge($"restart: {restart}\n"));

        Assert.DoesNotContain("HUP", service, StringComparison.Ordinal);
        if (reload is null)
        {
            Assert.DoesNotContain("ExecReload", service, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("\n" + reload + "\n", service, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_dollar_from_the_model_is_literal_and_only_mainpid_is_a_variable()
    {
        var service = Service(Merge("restart: hot\nserver:\n  type: puma\n  command: [ /usr/bin/puma, -C, /srv/$app/100%.rb ]\n"));

        Assert.Contains("\nExecStart=/usr/bin/puma -C /srv/$$app/100%%.rb\n", service, StringComparison.Ordinal);
        Assert.Contains("$MAINPID\n", service, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false, "Type=simple")]
    [InlineData(true, false, "Type=simple")]
    [InlineData(true, true, "Type=notify")]
    public void Notify_only_when_asked_and_the_server_can(bool notify, bool gem, string type)
    {
        var service = Service(Merge($"server:\n  type: puma\n  version: \"5.6.5\"\n  sdNotifyGem: {(gem ? "true" : "false")}\nsystemd:\n  notify: {(notify ? "true" : "false")}\n  watchdogSec: 30\n"));

        Assert.Contains("\n" + type + "\n", service, StringComparison.Ordinal);
        Assert.Equal(type == "Type=notify", service.Contains("WatchdogSec=30", StringComparison.Ordinal));
        Assert.Equal(type == "Type=notify", service.Contains("NotifyAccess=main", StringComparison.Ordinal));
    }

    [Fact]
    public void Kestrel_gets_units_without_memory_deny_write_execute_and_no_puma_rb()
    {
        var files = Emit("name: api\nuser: api\ndirectory: /srv/api\nserver:\n  type: kestrel\n  useSystemd: true\n  command: [ /srv/api/Api ]\nlisten: [ \"tcp://127.0.0.1:5000\" ]\n");

        Assert.Equal(["systemd/api.service", "systemd/api.socket"], files.Select(f => f.Path));
        Assert.DoesNotContain("MemoryDenyWriteExecute", files[0].Content, StringComparison.Ordinal);
        // .NET resets each thread's affinity and dies when it may not: re-allowed after the @resources deny.
        Assert.Contains("\nSystemCallFilter=~@privileged @resources\nSystemCallFilter=sched_setaffinity\n", files[0].Content, StringComparison.Ordinal);
        Assert.DoesNotContain("sched_setaffinity", Service(Merge(string.Empty)), StringComparison.Ordinal);
    }

    [Theory]
    // Socket activation: the sockets come from systemd; ASPNETCORE_URLS would only be overridden (UG0110).
    [InlineData("listen: [ \"tcp://127.0.0.1:5000\" ]\n", null)]
    [InlineData("listen: [ \"tcp://127.0.0.1:5000\", \"unix:///run/api/api.sock\" ]\nsystemd:\n  socketActivation: false\n",
        "Environment=\"ASPNETCORE_URLS=http://127.0.0.1:5000;http://unix:/run/api/api.sock\"")]
    [InlineData("listen: [ \"5000\", \"tcp://[::1]:5001\" ]\nsystemd:\n  socketActivation: false\n",
        "Environment=\"ASPNETCORE_URLS=http://[::]:5000;http://[::1]:5001\"")]
    // The model's own addresses win; UnitGen adds none.
    [InlineData("environment:\n  URLS: \"http://127.0.0.1:6000\"\nlisten: [ \"tcp://127.0.0.1:5000\" ]\nsystemd:\n  socketActivation: false\n", null)]
    [InlineData("", null)]
    public void Kestrel_gets_aspnetcore_urls_from_listen_only_when_it_binds_them_itself(string rest, string? expected)
    {
        var service = Emit("name: api\nuser: api\nserver:\n  type: kestrel\n  useSystemd: true\n  command: [ /srv/api/Api ]\n" + rest)[0].Content;

        if (expected is null)
        {
            Assert.DoesNotContain("ASPNETCORE_URLS", service, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("\n" + expected + "\n", service, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_environment_assignment_is_quoted_whole_and_keeps_percent_and_quotes()
    {
        var service = Emit("name: api\nuser: api\nserver:\n  type: kestrel\n  command: [ /srv/api/Api ]\nlisten: [ \"unix:///run/api/a \\\"b\\\" 100%.sock\" ]\nsystemd:\n  socketActivation: false\n")[0].Content;

        Assert.Contains("\nEnvironment=\"ASPNETCORE_URLS=http://unix:/run/api/a \\\"b\\\" 100%%.sock\"\n", service, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_without_a_program_is_refused_by_the_loader_and_the_generator_does_not_crash_on_it()
    {
        var loaded = ModelLoader.Load("name: api\nuser: api\nenvironment:\n  A: b\nserver:\n  type: kestrel\nlisten: [ \"tcp://127.0.0.1:5000\" ]\n", "model.yaml");
        var inCode = new ServiceModel
        {
            Name = "api",
            User = "api",
            Environment = [new EnvironmentVariable("A", "b")],
            Server = new ServerSpec { Type = ServerType.Kestrel },
        };

        var files = Generator.Emit(inCode);

        Assert.Contains(loaded.Diagnostics, d => d.Code == "UG0005" && d.Message.Contains("`command`", StringComparison.Ordinal));
        Assert.Equal(["env/api.env"], files.Select(f => f.Path));
    }

    [Fact]
    public void Unicorn_gets_units_with_its_signals_and_non_blocking_sockets_and_its_config()
    {
        var files = Emit("name: u\nuser: u\ndirectory: /srv/u\nserver:\n  type: unicorn\nlisten: [ \"tcp://127.0.0.1:8080\" ]\n");

        Assert.Equal(["systemd/u.service", "systemd/u.socket", "app/unicorn.rb"], files.Select(f => f.Path));
        Assert.Contains("\nKillSignal=SIGQUIT\n", files[0].Content, StringComparison.Ordinal);
        Assert.Contains("\nNonBlocking=yes\n", files[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Runit_alone_gets_a_service_folder_and_no_systemd_files()
    {
        var files = Emit(Merge("supervisor: runit\nenvironment:\n  A: b\n"));

        Assert.Equal(["runit/app/run", "runit/app/log/run", "runit/app/env/A", "runit/app/control/h", "app/puma.rb"], files.Select(f => f.Path));
        Assert.Equal("b\n", files[2].Content);
        Assert.Equal(EmittedFile.Secret, files[2].Mode);
        Assert.All(files.Where(f => f.Path.EndsWith("run", StringComparison.Ordinal) || f.Path.Contains("/control/", StringComparison.Ordinal)), f => Assert.Equal(EmittedFile.Executable, f.Mode));
    }

    [Fact]
    public void Both_supervisors_from_one_model_share_the_server_config()
    {
        var files = Emit("name: u\nuser: u\ndirectory: /srv/u\nserver:\n  type: unicorn\nlisten: [ \"tcp://127.0.0.1:8080\" ]\nsupervisor: [ systemd, runit ]\n");

        Assert.Equal(["systemd/u.service", "systemd/u.socket", "runit/u/run", "runit/u/log/run", "runit/u/unicorn-follow", "app/unicorn.rb"], files.Select(f => f.Path));
        Assert.Contains("pid \"/srv/u/tmp/pids/unicorn.pid\"\n", files[5].Content, StringComparison.Ordinal);
        Assert.Contains("pidfile='/srv/u/tmp/pids/unicorn.pid'\n", files[4].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_deterministic_lf_terminated_and_says_where_it_comes_from()
    {
        var yaml = Merge("directory: /srv/app\nenvironment:\n  A: b\n");

        var first = Emit(yaml);
        var second = Emit(yaml);

        Assert.Equal(first, second);
        Assert.Equal(4, first.Length);
        Assert.All(first, f =>
        {
            Assert.DoesNotContain('\r', f.Content);
            Assert.EndsWith("\n", f.Content, StringComparison.Ordinal);
            Assert.StartsWith("# Generated by unitgen from app.", f.Content, StringComparison.Ordinal);
            Assert.Equal(f.Path.StartsWith("env/", StringComparison.Ordinal) ? EmittedFile.Secret : EmittedFile.Readable, f.Mode);
        });
    }

    [Theory]
    [InlineData("server:\n  type: puma\n  workers: 2\n", null)]
    [InlineData("server:\n  type: puma\n  workers: 2\n  preload: true\n", "preload_app! true")]
    [InlineData("server:\n  type: puma\n  version: \"5.6.5\"\n  workers: 2\n", "preload_app! false")]
    [InlineData("server:\n  type: puma\n  version: \"7.0.0\"\n  workers: 2\n", "preload_app! true")]
    public void Preload_is_written_only_where_the_model_or_the_version_decides_it(string server, string? expected)
    {
        // DESIGN.md: `preload` absent = the server version's own default; an unknown version has no default to write.
        var puma = Emit(Merge(server)).Single(f => f.Path == "app/puma.rb").Content;
        var calls = puma.Split('\n').Where(l => l.StartsWith("preload_app!", StringComparison.Ordinal)).ToList();

        Assert.Equal(expected is null ? [] : [expected], calls);
        Assert.Equal(expected is null, puma.Contains("# preload_app!: puma's own default", StringComparison.Ordinal));
    }

    private static ServiceModel Load(string yaml)
    {
        var loaded = ModelLoader.Load(yaml, "model.yaml");
        Assert.True(loaded.Model is not null, string.Join('\n', loaded.Diagnostics.Select(d => d.ToString())));
        return loaded.Model!;
    }

    private static EmittedFile[] Emit(string yaml) => [.. Generator.Emit(Load(yaml))];

    private static string Service(string yaml) => Emit(yaml).Single(f => f.Path.EndsWith(".service", StringComparison.Ordinal)).Content;

    /// <summary>The base puma model with top-level keys replaced by those of <paramref name="extra"/>.</summary>
    private static string Merge(string extra)
    {
        var replaced = extra.Split('\n').Where(l => l.Length > 0 && l[0] != ' ').Select(l => l.Split(':')[0] + ":").ToHashSet();
        var keep = new List<string>();
        var skipping = false;
        foreach (var line in Puma.Split('\n'))
        {
            if (line.Length > 0 && line[0] != ' ')
            {
                skipping = replaced.Contains(line.Split(':')[0] + ":");
            }

            if (!skipping && line.Length > 0)
            {
                keep.Add(line);
            }
        }

        return string.Join('\n', keep) + "\n" + extra;
    }
}
