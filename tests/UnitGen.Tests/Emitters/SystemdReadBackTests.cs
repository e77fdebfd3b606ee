using System.Diagnostics;
using System.Text;
using UnitGen.Emitters;
using UnitGen.Emitters.Output;
using UnitGen.Model;
using UnitGen.Model.Loading;
using UnitGen.Tests.EndToEnd;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Emitters;

/// <summary>
/// A real systemd 252 (isolated, see <see cref="IsolatedSystemd"/>) reads the generated unit and
/// env file, starts the service, and the process reports what it received: the writers' quoting is
/// judged by systemd itself, not by our own reader.
/// </summary>
[Trait(Category.Name, Category.EndToEnd)]
public sealed class SystemdReadBackTests : IDisposable
{
    private static readonly string[] Hostile =
    [
        "plain", "with space", "  padded  ", "100%", "%n%h%%", "$HOME", "${X}", "$$", "back\\slash", "trailing\\",
        "quote\"d", "single'q", "#{system('id')}", "# not a comment", ";", "\\;", "-leading", "@at",
        "ünïcødé ✓ 𝄞", "`id`", "a\"b'c\\d$e%f", "",
    ];

    /// <summary>The program's own text is a hostile value too: quotes, #{}, $stdout, braces.</summary>
    private const string Reporter =
        "ARGV.each { |a| puts \"arg #{a.unpack1('H*')}.\" }; " +
        "ENV.keys.sort.each { |k| puts \"env #{k} #{ENV[k].unpack1('H*')}.\" if k.start_with?('UG_') }; " +
        "puts 'done'; $stdout.flush; sleep";

    private readonly IsolatedSystemd systemd = new();

    public void Dispose() => systemd.Dispose();

    [Fact]
    public void Exec_words_environment_values_and_description_reach_the_process_exactly()
    {
        var model = Model(UniqueName("rt"), systemd.WorkFolder) with { Description = "Read back 100% $HOME \"q\" #x" };
        model = model with
        {
            EnvFile = Path.Combine(systemd.WorkFolder, "app.env"),
            Server = model.Server with { Command = ["/usr/bin/ruby", "-e", Reporter, .. Hostile] },
            Environment = [.. Hostile.Select((v, i) => new EnvironmentVariable($"UG_{i:D2}", v))],
        };

        var journal = Start(model);

        var expected = Hostile.Select(v => "arg " + Hex(v) + ".")
            .Concat(Hostile.Select((v, i) => $"env UG_{i:D2} {Hex(v)}."));
        Assert.Equal(expected, journal.Where(l => l.StartsWith("arg ", StringComparison.Ordinal) || l.StartsWith("env ", StringComparison.Ordinal)));
        Assert.Equal(model.Description, systemd.Property($"{model.Name}.service", "Description"));
    }

    [Fact]
    public void An_app_under_a_home_folder_starts_and_writes_only_its_writable_folders()
    {
        var home = Path.Combine("/home", "unitgen-rt-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            var app = Path.Combine(home, "app");
            Directory.CreateDirectory(Path.Combine(app, "tmp"));
            File.SetUnixFileMode(Path.Combine(app, "tmp"), (UnixFileMode)0b111_111_111);
            File.SetUnixFileMode(app, (UnixFileMode)0b111_111_111);
            var model = Model(UniqueName("home"), app);
            const string probe = "File.write('tmp/ok', 'x'); puts 'tmp writable'; " +
                "begin; File.write('nope', 'x'); rescue SystemCallError => e; puts \"app #{e.class}\"; end; " +
                "puts 'done'; $stdout.flush; sleep";
            model = model with { Server = model.Server with { Command = ["/usr/bin/ruby", "-e", probe] } };

            var journal = Start(model);

            Assert.Contains("tmp writable", journal);
            Assert.Contains("app Errno::EROFS", journal);
            Assert.True(File.Exists(Path.Combine(app, "tmp", "ok")));
        }
        finally
        {
            if (Directory.Exists(home))
            {
                Directory.Delete(home, recursive: true);
            }
        }
    }

    /// <summary>A command-type service, default hardening, run as nobody.</summary>
    private static ServiceModel Model(string name, string directory) => ModelLoader.Load($"""
        name: {name}
        user: nobody
        directory: {directory}
        server:
          type: command
          command: [ /bin/true ]

        """, "rt.yaml").Model!;

    private List<string> Start(ServiceModel model)
    {
        using var output = new TempFolder(systemd.WorkFolder);
        OutputWriter.Write(output.Path, Generator.Emit(model), checkOnly: false);
        if (!model.Environment.IsEmpty)
        {
            File.Copy(output.File($"env/{model.Name}.env"), model.EnvFilePath);
        }

        systemd.Install([output.File($"systemd/{model.Name}.service")]);
        var start = systemd.Systemctl("start", $"{model.Name}.service");
        Assert.True(start.ExitCode == 0, start.Output + systemd.Journal($"{model.Name}.service"));

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var lines = systemd.Journal($"{model.Name}.service").Split('\n').ToList();
            if (lines.Contains("done"))
            {
                return lines;
            }

            Thread.Sleep(200);
        }

        Assert.Fail("the service reported nothing: " + systemd.Journal($"{model.Name}.service"));
        return [];
    }

    /// <summary>
    /// The isolated systemd's journal is on the host's persistent /var/log/journal: a unit name used
    /// by an earlier run would show that run's lines too.
    /// </summary>
    private static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    private static string Hex(string value) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(value));
}
