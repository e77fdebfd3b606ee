using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using UnitGen.Emitters;
using UnitGen.Emitters.Output;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Emitters;

/// <summary>Real Ruby and a real Puma (Debian 5.6.5) read what we generate.</summary>
[Trait(Category.Name, Category.RealTool)]
public class PumaRealToolTests
{
    public static TheoryData<string> Samples => SampleNames.Serving(UnitGen.Model.ServerType.Puma);

    /// <summary>Records every DSL call instead of running it; `puts` each bind so the test can compare.</summary>
    private const string StubDsl = """
        class Recorder
          def method_missing(name, *args, &blk) = (puts "#{name}\t#{args.inspect}")
          def respond_to_missing?(*) = true
        end
        Recorder.new.instance_eval(File.read(ARGV[0]), ARGV[0])
        """;

    [Theory]
    [MemberData(nameof(Samples))]
    public void Ruby_accepts_every_puma_rb_and_reads_the_binds_the_socket_listens_on(string sample)
    {
        using var dir = new TempFolder();
        var model = ModelLoader.LoadFile(Path.Combine(RepoPaths.Samples, sample + ".yaml")).Model!;
        OutputWriter.Write(dir.Path, Generator.Emit(model), checkOnly: false);
        var pumaRb = Path.Combine(dir.Path, "app", "puma.rb");

        var syntax = ExternalTool.Run("ruby", ["-c", pumaRb]);
        var calls = ExternalTool.Run("ruby", ["-e", StubDsl, pumaRb]);

        Assert.Equal("Syntax OK", syntax.Stdout.Trim());
        Assert.Equal(0, calls.ExitCode);
        var binds = calls.Stdout.Split('\n').Where(l => l.StartsWith("bind\t", StringComparison.Ordinal))
            .Select(l => l["bind\t[\"".Length..^2]).Order();
        Assert.Equal(model.Listen.Select(l => l.Address.PumaBind).Order(), binds);
    }

    /// <summary>
    /// puma 5.6.5's own loader (Puma::Configuration, as `puma -C` uses it) reads the generated puma.rb:
    /// `localConfig` makes it read puma.local.rb beside it last (the local threads win), and
    /// `pruneBundler` sets prune_bundler. Negative control: without the local file puma's defaults stay.
    /// </summary>
    [Fact]
    public void Puma_loads_puma_local_rb_beside_the_generated_config_and_sets_prune_bundler()
    {
        using var dir = new TempFolder();
        const string Yaml = "name: app\nuser: deploy\ndirectory: /srv/app\nserver:\n  type: puma\n  version: \"5.6.5\"\n  workers: 2\n  preload: false\n  pruneBundler: true\n  localConfig: true\n";
        OutputWriter.Write(dir.Path, Generator.Emit(ModelLoader.Load(Yaml, "unitgen.yaml").Model!), checkOnly: false);
        var pumaRb = dir.File("app/puma.rb");
        const string Options = "require 'puma'; require 'puma/configuration'; c = Puma::Configuration.new({}, { config_files: [ARGV[0]] }); " +
            "c.load; o = c.options; puts [o[:prune_bundler], o[:min_threads], o[:max_threads]].join(' ')";

        var without = ExternalTool.Run("ruby", ["-e", Options, pumaRb]);
        dir.Write("app/puma.local.rb", "threads 3, 7\n");
        var with = ExternalTool.Run("ruby", ["-e", Options, pumaRb]);

        Assert.True(without.ExitCode == 0 && with.ExitCode == 0, without.Output + with.Output);
        Assert.Equal("true 0 5", without.Stdout.Trim());
        Assert.Equal("true 3 7", with.Stdout.Trim());
    }

    [Fact]
    public void Puma_started_by_systemd_socket_activate_with_the_generated_config_answers_200()
    {
        using var dir = new TempFolder();
        dir.Write("config.ru", "run ->(env) { [200, { \"content-type\" => \"text/plain\" }, [\"ok\"]] }\n");
        var port = FreePort();
        var model = ModelLoader.Load($"""
            name: smoke
            user: root
            allowRoot: true
            directory: {dir.Path}
            server:
              type: puma
              version: "5.6.5"
              workers: 2
              preload: false
              threads: {"{"} min: 1, max: 2 {"}"}
              rackup: config.ru
            listen:
              - tcp://127.0.0.1:{port}
            restart: phased

            """, "smoke.yaml").Model!;
        OutputWriter.Write(dir.Path, Generator.Emit(model), checkOnly: false);
        var listenStream = File.ReadAllLines(dir.File("systemd/smoke.socket")).Single(l => l.StartsWith("ListenStream=", StringComparison.Ordinal))["ListenStream=".Length..];

        var psi = new ProcessStartInfo(ExternalTool.Require("systemd-socket-activate"), ["-l", listenStream, ExternalTool.Require("puma"), "-C", dir.File("app/puma.rb")])
        {
            WorkingDirectory = dir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var server = Process.Start(psi)!;
        try
        {
            var status = WaitForHttp(port, TimeSpan.FromSeconds(30));
            Assert.True(status == HttpStatusCode.OK, $"puma answered {status}");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }

    private static HttpStatusCode? WaitForHttp(int port, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        HttpStatusCode? last = null;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                last = http.GetAsync(new Uri($"http://127.0.0.1:{port}/")).GetAwaiter().GetResult().StatusCode;
                if (last == HttpStatusCode.OK)
                {
                    return last;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still booting: ask again.
            }

            Thread.Sleep(200);
        }

        return last;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
