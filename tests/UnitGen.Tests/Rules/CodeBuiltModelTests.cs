using System.Collections.Immutable;
using UnitGen.Model;
using UnitGen.Model.Loading;
using UnitGen.Model.Rules;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Rules;

/// <summary>
/// One validation contract: every value the YAML loader refuses, written as a model in C#, gets the
/// same code, message and model path from <see cref="ServiceModel.Validate"/>.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public class CodeBuiltModelTests
{
    private const string Head = "name: app\nuser: deploy\nserver:\n  type: puma\n";

    private static readonly ServiceModel Clean = new()
    {
        Name = "app",
        User = "deploy",
        Server = new ServerSpec { Type = ServerType.Puma },
    };

    private static readonly ProcessSpec Worker = new() { Name = "worker", Type = ProcessType.Sidekiq };

    /// <summary>Each refused value: the YAML that carries it and the same model built in code.</summary>
    public static TheoryData<string, string, ServiceModel> Refused => new()
    {
        { "UG0006", "name: x/../../y\nuser: deploy\nserver:\n  type: puma\n", Clean with { Name = "x/../../y" } },
        { "UG0006", "name: \"a\\nb\"\nuser: deploy\nserver:\n  type: puma\n", Clean with { Name = "a\nb" } },
        { "UG0006", "name: App\nuser: deploy\nserver:\n  type: puma\n", Clean with { Name = "App" } },
        { "UG0006", "name: \"\"\nuser: deploy\nserver:\n  type: puma\n", Clean with { Name = string.Empty } },
        { "UG0006", Head + "directory: srv/app\n", Clean with { Directory = "srv/app" } },
        { "UG0006", Head + "envFile: app.env\n", Clean with { EnvFile = "app.env" } },
        { "UG0006", Head.Replace("puma\n", "puma\n  config: config/puma.rb\n", StringComparison.Ordinal), Clean with { Server = Clean.Server with { Config = "config/puma.rb" } } },
        { "UG0006", Head.Replace("puma\n", "puma\n  pidfile: tmp/puma.pid\n", StringComparison.Ordinal), Clean with { Server = Clean.Server with { Pidfile = "tmp/puma.pid" } } },
        { "UG0006", Head + "runit:\n  serviceDir: sv\n", Clean with { Runit = new RunitSpec { ServiceDir = "sv" } } },
        { "UG0006", Head + "runit:\n  logDir: log\n", Clean with { Runit = new RunitSpec { LogDir = "log" } } },
        { "UG0006", Head + "listen: [ \"tcp://127.0.0.1:99999\" ]\n", Clean with { Listen = [new Listener(new TcpAddress("127.0.0.1", 99999))] } },
        { "UG0006", Head + "listen: [ \"0\" ]\n", Clean with { Listen = [new Listener(new TcpAddress(null, 0))] } },
        { "UG0006", Head + "listen:\n  - uri: \"unix://\"\n", Clean with { Listen = [new Listener(new UnixAddress(string.Empty))] } },
        { "UG0006", Head + "listen:\n  - uri: unix:///run/app/app.sock\n    mode: rw\n", Clean with { Listen = [new Listener(new UnixAddress("/run/app/app.sock")) { Mode = "rw" }] } },
        { "UG0006", Head.Replace("puma\n", "puma\n  workers: -3\n", StringComparison.Ordinal), Clean with { Server = Clean.Server with { Workers = -3 } } },
        { "UG0006", Head.Replace("puma\n", "puma\n  workers: 5000\n", StringComparison.Ordinal), Clean with { Server = Clean.Server with { Workers = 5000 } } },
        { "UG0006", Head.Replace("puma\n", "puma\n  timeout: 0\n", StringComparison.Ordinal), Clean with { Server = Clean.Server with { Timeout = 0 } } },
        { "UG0006", Head.Replace("puma\n", "puma\n  threads: { min: 9, max: 2 }\n", StringComparison.Ordinal), Clean with { Server = Clean.Server with { Threads = new ThreadRange(9, 2) } } },
        { "UG0006", Head.Replace("puma\n", "puma\n  threads: { min: 5000, max: 2 }\n", StringComparison.Ordinal), Clean with { Server = Clean.Server with { Threads = new ThreadRange(5000, 2) } } },
        { "UG0006", Head.Replace("puma\n", "puma\n  threads: { min: 0, max: 0 }\n", StringComparison.Ordinal), Clean with { Server = Clean.Server with { Threads = new ThreadRange(0, 0) } } },
        { "UG0006", Head + "systemd:\n  watchdogSec: 0\n", Clean with { Systemd = new SystemdSpec { WatchdogSec = 0 } } },
        { "UG0006", Head + "supervisor: []\n", Clean with { Supervisors = [] } },
        { "UG0005", "name: app\nuser: deploy\nserver:\n  type: kestrel\n", Clean with { Server = new ServerSpec { Type = ServerType.Kestrel } } },
        { "UG0005", "name: app\nuser: deploy\nserver:\n  type: command\n", Clean with { Server = new ServerSpec { Type = ServerType.Command } } },
        { "UG0006", Head + "processes:\n  Worker:\n    type: sidekiq\n", Clean with { Processes = [Worker with { Name = "Worker" }] } },
        { "UG0006", Head + "processes:\n  worker:\n    type: sidekiq\n    instances: 0\n", Clean with { Processes = [Worker with { Instances = 0 }] } },
        { "UG0006", Head + "processes:\n  worker:\n    type: sidekiq\n    stopTimeout: 0\n", Clean with { Processes = [Worker with { StopTimeout = 0 }] } },
        { "UG0006", Head + "processes:\n  worker:\n    type: sidekiq\n    config: config/sidekiq.yml\n", Clean with { Processes = [Worker with { Config = "config/sidekiq.yml" }] } },
        { "UG0005", Head + "processes:\n  clock:\n    type: command\n", Clean with { Processes = [new ProcessSpec { Name = "clock", Type = ProcessType.Command }] } },
        { "UG0007", Head + "listen:\n" + string.Concat(Enumerable.Range(1, 65).Select(i => $"  - \"tcp://127.0.0.1:{i}\"\n")), Clean with { Listen = [.. Enumerable.Range(1, 65).Select(i => new Listener(new TcpAddress("127.0.0.1", i)))] } },
        { "UG0007", Head.Replace("puma\n", "puma\n  binds:\n" + string.Concat(Enumerable.Range(1, 65).Select(i => $"    - \"tcp://127.0.0.1:{i}\"\n")), StringComparison.Ordinal), Clean with { Server = Clean.Server with { Binds = [.. Enumerable.Range(1, 65).Select(i => $"tcp://127.0.0.1:{i}")] } } },
    };

    [Fact]
    public void The_clean_model_is_clean_both_ways()
    {
        Assert.DoesNotContain(Clean.Validate(), d => d.IsError);
        Assert.DoesNotContain(Validator.Validate(ModelLoader.Load(Head, "unitgen.yaml")), d => d.IsError);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_value_the_loader_refuses_gets_the_same_diagnostic_from_Validate(string code, string yaml, ServiceModel model)
    {
        var fromYaml = Validator.Validate(ModelLoader.Load(yaml, "unitgen.yaml"));
        var fromCode = model.Validate();

        Assert.Contains(fromYaml, d => d.Code == code);
        Assert.Equal(string.Join("\n", Describe(fromYaml)), string.Join("\n", Describe(fromCode)));
        // Without a file the diagnostic names the model value, not a position.
        Assert.All(fromCode, d => Assert.StartsWith($"{d.Path}: error {d.Code}: ", d.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_diagnostic_from_YAML_keeps_its_position_and_names_its_model_path()
    {
        var d = Assert.Single(Validator.Validate(ModelLoader.Load(Head + "listen:\n  - tcp://127.0.0.1:9292\n  - tcp://127.0.0.1:0\n", "unitgen.yaml")));

        Assert.Equal("listen[1].uri", d.Path);
        Assert.Equal("unitgen.yaml(7,5): error UG0006: Port 0 is out of range. Fix: Use a port from 1 to 65535.", d.ToString());
    }

    private static ImmutableArray<string> Describe(IEnumerable<UnitGen.Model.Diagnostics.Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => $"{d.Code} {d.Severity} {d.Path}: {d.FullMessage}")];
}
