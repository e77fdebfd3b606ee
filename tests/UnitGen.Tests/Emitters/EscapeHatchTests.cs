using UnitGen.Emitters;
using UnitGen.Model.Facts;
using UnitGen.Model.Loading;
using UnitGen.Model.Rules;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Emitters;

/// <summary>The escape hatches of issue 18: readWritePaths, systemd.extra, localConfig, pruneBundler.</summary>
[Trait(Category.Name, Category.Unit)]
public class EscapeHatchTests
{
    private const string Puma = """
        name: app
        user: deploy
        directory: /srv/app
        server:
          type: puma
          version: "5.6.5"
          workers: 2
          preload: false

        """;

    [Fact]
    public void ReadWritePaths_open_the_given_folders_under_the_sandbox()
    {
        var service = File(Puma + "systemd:\n  readWritePaths: [ /var/www/app/shared/storage ]\n", "systemd/app.service");

        Assert.Contains("\nProtectSystem=strict\n", service, StringComparison.Ordinal);
        Assert.Contains("\nReadWritePaths=-/var/www/app/shared/storage\n", service, StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_directives_end_their_section_of_the_right_unit()
    {
        var files = Emit(Puma + "listen: [ \"tcp://127.0.0.1:9292\" ]\nsystemd:\n  extra:\n    Unit: { StartLimitBurst: \"10\" }\n    Service: { LimitNOFILE: \"65536\" }\n    Socket: { Backlog: \"4096\" }\n    Install: { Alias: web.service }\n");
        var service = files["systemd/app.service"];
        var socket = files["systemd/app.socket"];

        Assert.Matches(@"StartLimitBurst=10\n\n\[Service\]", service);
        Assert.Matches(@"LimitNOFILE=65536\n\n\[Install\]", service);
        Assert.EndsWith("WantedBy=multi-user.target\n# From systemd.extra in the model.\nAlias=web.service\n", service, StringComparison.Ordinal);
        Assert.Matches(@"Backlog=4096\n\n\[Install\]", socket);
        Assert.DoesNotContain("Backlog", service, StringComparison.Ordinal);
    }

    [Fact]
    public void Puma_reads_puma_local_rb_only_when_asked_and_unicorn_unless_told_not_to()
    {
        Assert.DoesNotContain("puma.local.rb", File(Puma, "app/puma.rb"), StringComparison.Ordinal);
        Assert.Contains("File.expand_path(\"puma.local.rb\", __dir__)", File(Puma.Replace("  preload: false\n", "  preload: false\n  localConfig: true\n", StringComparison.Ordinal), "app/puma.rb"), StringComparison.Ordinal);
        const string Unicorn = "name: app\nuser: deploy\ndirectory: /srv/app\nserver:\n  type: unicorn\n";
        Assert.Contains("File.expand_path(\"unicorn.local.rb\", __dir__)", File(Unicorn, "app/unicorn.rb"), StringComparison.Ordinal);
        Assert.DoesNotContain("unicorn.local.rb", File(Unicorn + "  localConfig: false\n", "app/unicorn.rb"), StringComparison.Ordinal);
    }

    [Fact]
    public void PruneBundler_writes_prune_bundler()
    {
        Assert.DoesNotContain("prune_bundler", File(Puma, "app/puma.rb"), StringComparison.Ordinal);
        Assert.Contains("\nprune_bundler\n", File(Puma + "  pruneBundler: true\n", "app/puma.rb"), StringComparison.Ordinal);
    }

    /// <summary>UG0731's table holds every directive the emitters write: a new one cannot slip past systemd.extra.</summary>
    [Fact]
    public void Every_generated_directive_of_every_sample_is_in_the_generated_keys_table()
    {
        var checkedKeys = 0;
        foreach (var sample in RepoPaths.ValidSampleFiles)
        {
            var loaded = ModelLoader.LoadFile(sample);
            foreach (var file in Generator.Emit(loaded.Model!).Where(f => f.Path.StartsWith("systemd/", StringComparison.Ordinal)))
            {
                var section = string.Empty;
                foreach (var line in file.Content.Split('\n').Where(l => l.Length > 0 && l[0] != '#'))
                {
                    if (line[0] == '[')
                    {
                        section = line.Trim('[', ']');
                        continue;
                    }

                    var key = line[..line.IndexOf('=', StringComparison.Ordinal)];
                    Assert.True(GeneratedSystemdKeys.IsGenerated(section, key), $"{Path.GetFileName(sample)}: {file.Path} writes [{section}] {key}=");
                    checkedKeys++;
                }
            }
        }

        Assert.True(checkedKeys > 100, $"only {checkedKeys} directives read");
    }

    private static string File(string yaml, string path) => Emit(yaml)[path];

    private static Dictionary<string, string> Emit(string yaml)
    {
        var loaded = ModelLoader.Load(yaml, "unitgen.yaml");
        Assert.True(loaded.Model is not null, string.Join('\n', loaded.Diagnostics));
        var errors = Validator.Validate(loaded.Model, loaded.Map).Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        return Generator.Emit(loaded.Model).ToDictionary(f => f.Path, f => f.Content);
    }
}
