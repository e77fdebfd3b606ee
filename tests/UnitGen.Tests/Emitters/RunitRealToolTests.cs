using System.Text;
using UnitGen.Emitters;
using UnitGen.Emitters.Output;
using UnitGen.Model;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Emitters;

/// <summary>Real sh (dash), shellcheck and runit's chpst read the service folders we generate.</summary>
[Trait(Category.Name, Category.RealTool)]
public class RunitRealToolTests
{
    public static TheoryData<string> Samples => SampleNames.Supervised(Supervisor.Runit);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_script_passes_sh_n_and_shellcheck(string sample)
    {
        using var dir = new TempFolder();
        var model = ModelLoader.LoadFile(Path.Combine(RepoPaths.Samples, sample + ".yaml")).Model!;
        var scripts = Generator.Emit(model).Where(f => f.Mode == EmittedFile.Executable).ToList();
        OutputWriter.Write(dir.Path, scripts, checkOnly: false);
        var files = scripts.Select(f => dir.File(f.Path)).ToArray();

        var shellcheck = ExternalTool.Run("shellcheck", ["--shell=sh", .. files]);

        Assert.NotEmpty(files);
        Assert.All(files, f =>
        {
            var syntax = ExternalTool.Run("sh", ["-n", f]);
            Assert.True(syntax.ExitCode == 0, f + ": " + syntax.Output);
        });
        Assert.True(shellcheck.ExitCode == 0, shellcheck.Output);
    }

    [Fact]
    public void The_run_script_changes_to_the_app_folder_and_execs_chpst_with_the_model_argv()
    {
        // Arrange: hostile but valid values, a stub chpst on PATH that prints its folder and argv. The
        // command's -C names server.config, so UnitGen passes it through as written (UG0211 otherwise).
        using var dir = new TempFolder();
        var app = Directory.CreateDirectory(dir.File("app it's $x `id`")).FullName;
        var stubs = Directory.CreateDirectory(dir.File("stubs")).FullName;
        File.WriteAllText(Path.Combine(stubs, "chpst"), "#!/bin/sh\npwd\nprintf '%s\\n' \"$@\"\n");
        File.SetUnixFileMode(Path.Combine(stubs, "chpst"), EmittedFile.Executable);
        string[] command = ["/usr/bin/puma", "-C", "/etc/a b/$x 'q' \\n.rb", "ünï 𝄞", "#not a comment"];
        var model = Load($"""
            name: web
            user: deploy
            group: www-data
            directory: {Yaml(app)}
            environment: {"{"} A: b {"}"}
            server:
              type: puma
              command: [ {string.Join(", ", command.Select(Yaml))} ]
              config: {Yaml(command[2])}
            supervisor: runit

            """);
        OutputWriter.Write(dir.Path, Generator.Emit(model), checkOnly: false);
        var service = dir.File("runit/web");

        // Act: runsv starts ./run in the service folder.
        var run = ExternalTool.Run("sh", ["./run"], workingDirectory: service,
            environment: new Dictionary<string, string?> { ["PATH"] = stubs + ":/usr/bin:/bin" });

        // Assert
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal([app, "-u", "deploy:www-data", "-e", service + "/env", .. command], run.Stdout.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Chpst_reads_every_env_file_back_exactly()
    {
        string[] values = ["", "a b", "it's", "\"q\"", "$HOME", "`id`", "\\", "a\\nb", "ünïcødé 𝄞", "#x", "a=b", "  leading", "%h %%", "x".PadRight(4000, 'y')];
        using var dir = new TempFolder();
        var model = Load("name: web\nuser: deploy\nserver:\n  type: puma\nsupervisor: runit\nenvironment:\n"
            + string.Concat(values.Select((v, i) => $"  V{i}: {Yaml(v)}\n")));
        OutputWriter.Write(dir.Path, Generator.Emit(model), checkOnly: false);

        var env = ExternalTool.Run("chpst", ["-e", dir.File("runit/web/env"), "env", "-0"], environment: new Dictionary<string, string?>());

        Assert.True(env.ExitCode == 0, env.Output);
        var read = env.Stdout.Split('\0').Where(l => l.StartsWith('V')).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(values.Select((v, i) => ($"V{i}", v)), values.Select((_, i) => ($"V{i}", read[$"V{i}"])));
    }

    private static ServiceModel Load(string yaml)
    {
        var loaded = ModelLoader.Load(yaml, "web.yaml");
        Assert.True(loaded.Model is not null, string.Join('\n', loaded.Diagnostics));
        Assert.DoesNotContain(UnitGen.Model.Rules.Validator.Validate(loaded.Model, loaded.Map), d => d.IsError);
        return loaded.Model;
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    private static string Yaml(string value)
    {
        var s = new StringBuilder("\"");
        foreach (var c in value)
        {
            s.Append(c switch { '"' => "\\\"", '\\' => "\\\\", _ => c.ToString() });
        }

        return s.Append('"').ToString();
    }
}
