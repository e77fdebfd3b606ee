using UnitGen.Emitters;
using UnitGen.Emitters.Output;
using UnitGen.Model;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Emitters;

/// <summary>Real Ruby and unicorn 6.0's own configurator read the unicorn.rb we generate.</summary>
[Trait(Category.Name, Category.RealTool)]
public class UnicornRealToolTests
{
    public static TheoryData<string> Samples => SampleNames.Serving(ServerType.Unicorn);

    /// <summary>Loads the file with unicorn's Configurator (as `unicorn -c` does) and prints what it set.</summary>
    private const string ReadWithUnicorn = """
        require "unicorn"
        set = Unicorn::Configurator.new(config_file: ARGV[0]).set
        puts [set[:worker_processes], set[:timeout], set[:preload_app], set[:pid], Unicorn::HttpServer::START_CTX[:cwd], *set[:listeners]].join("\n")
        """;

    [Theory]
    [MemberData(nameof(Samples))]
    public void Ruby_accepts_every_unicorn_rb(string sample)
    {
        using var dir = new TempFolder();
        var model = ModelLoader.LoadFile(Path.Combine(RepoPaths.Samples, sample + ".yaml")).Model!;
        OutputWriter.Write(dir.Path, Generator.Emit(model), checkOnly: false);

        var syntax = ExternalTool.Run("ruby", ["-c", dir.File("app/unicorn.rb")]);

        Assert.Equal("Syntax OK", syntax.Stdout.Trim());
    }

    [Fact]
    public void Unicorns_configurator_reads_the_model_back()
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(dir.File("pids"));
        var loaded = ModelLoader.Load($"""
            name: shop
            user: deploy
            directory: {dir.Path}
            server:
              type: unicorn
              workers: 3
              timeout: 25
              pidfile: {dir.Path}/pids/it's "here".pid
            listen:
              - tcp://127.0.0.1:8080
              - "[::1]:8081"
              - unix://{dir.Path}/unicorn.sock

            """.Replace("\"[::1]:8081\"", "tcp://[::1]:8081", StringComparison.Ordinal), "shop.yaml");
        Assert.True(loaded.Model is not null, string.Join('\n', loaded.Diagnostics));
        OutputWriter.Write(dir.Path, Generator.Emit(loaded.Model), checkOnly: false);

        var read = ExternalTool.Run("ruby", ["-e", ReadWithUnicorn, dir.File("app/unicorn.rb")]);

        Assert.True(read.ExitCode == 0, read.Output);
        Assert.Equal(["3", "25", "false", $"{dir.Path}/pids/it's \"here\".pid", dir.Path, "127.0.0.1:8080", "[::1]:8081", $"{dir.Path}/unicorn.sock"],
            read.Stdout.TrimEnd('\n').Split('\n'));
    }
}
