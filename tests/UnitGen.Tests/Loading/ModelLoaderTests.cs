using UnitGen.Model;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Loading;

[Trait(Category.Name, Category.Unit)]
public class ModelLoaderTests
{
    private const string Minimal = """
        name: app
        user: deploy
        server:
          type: puma

        """;

    private static LoadResult Load(string yaml) => ModelLoader.Load(yaml, "unitgen.yaml");

    private static (string Code, int Line, int Column) Single(LoadResult result)
    {
        var d = Assert.Single(result.Diagnostics);
        return (d.Code, d.Location.Line, d.Location.Column);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udc00\\ud800")]
    [InlineData("\\ud83d\\ud83d")]
    public void A_surrogate_escape_is_a_syntax_error_not_a_crash(string escape)
    {
        var result = Load(Minimal + $"description: \"a{escape}b\"\n");

        Assert.Null(result.Model);
        Assert.Equal("UG0001", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_value_quoted_in_a_diagnostic_keeps_it_on_one_line()
    {
        var result = Load(Minimal.Replace("type: puma", "type: \"puma\\nx\\u2028y\\rz\"", StringComparison.Ordinal));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("UG0004", d.Code);
        Assert.Contains("`puma\\nx\\u2028y\\rz`", d.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(d.ToString(), c => char.IsControl(c) || c == '\u2028');
    }

    [Theory]
    [InlineData("type: \"2\"")]
    [InlineData("type: \" puma\"")]
    [InlineData("type: \"Puma, Unicorn\"")]
    public void An_enum_value_is_one_of_the_listed_words_never_a_number(string type)
    {
        var result = Load(Minimal.Replace("type: puma", type, StringComparison.Ordinal));

        Assert.Equal("UG0004", Single(result).Code);
    }

    [Theory]
    [InlineData("name: \"app\\n\"", "UG0006")]
    [InlineData("name: app\nenvironment: { \"A\\n\": x }", "UG0501")]
    public void A_pattern_does_not_match_before_a_final_newline(string line, string code)
    {
        var loaded = Load(Minimal.Replace("name: app", line, StringComparison.Ordinal));

        var diagnostics = loaded.Model is null ? loaded.Diagnostics : UnitGen.Model.Rules.Validator.Validate(loaded);
        Assert.Contains(diagnostics, d => d.Code == code);
    }

    [Fact]
    public void Minimal_model_loads_with_defaults()
    {
        var result = Load(Minimal);

        Assert.Empty(result.Diagnostics);
        var model = result.Model!;
        Assert.Equal("app", model.Name);
        Assert.Equal(ServerType.Puma, model.Server.Type);
        Assert.Equal(RestartStrategy.Normal, model.Restart);
        Assert.Equal([Supervisor.Systemd], model.Supervisors.AsEnumerable());
        Assert.Equal("/etc/default/app", model.EnvFilePath);
        Assert.False(model.SocketActivation);
    }

    [Fact]
    public void Unknown_key_is_an_error_at_the_key_with_a_suggestion()
    {
        var result = Load(Minimal + "  preloda: false\n");

        Assert.Equal((LoaderCodes.UnknownKey, 5, 3), Single(result));
        Assert.Contains("Did you mean `preload`?", result.Diagnostics[0].FullMessage, StringComparison.Ordinal);
        Assert.Null(result.Model);
    }

    [Fact]
    public void Unknown_key_far_from_any_known_key_lists_the_known_keys()
    {
        var result = Load(Minimal + "zzzzzzzz: 1\n");

        Assert.Equal((LoaderCodes.UnknownKey, 5, 1), Single(result));
        Assert.Contains("Known keys: name, description", result.Diagnostics[0].FullMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  workers: two\n", 5, 12)]
    [InlineData("  workers: \"2\"\n", 5, 12)]
    [InlineData("  preload: yes\n", 5, 12)]
    [InlineData("  threads: 5\n", 5, 12)]
    public void Wrong_type_is_an_error_at_the_value(string line, int row, int column)
    {
        Assert.Equal((LoaderCodes.WrongType, row, column), Single(Load(Minimal + line)));
    }

    [Fact]
    public void Bad_enum_value_suggests_the_closest()
    {
        var result = Load(Minimal + "restart: phasd\n");

        Assert.Equal((LoaderCodes.NotAllowed, 5, 10), Single(result));
        Assert.Contains("Did you mean `phased`?", result.Diagnostics[0].FullMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: app\nserver: { type: puma }\n", "user")]
    [InlineData("user: x\nserver: { type: puma }\n", "name")]
    [InlineData("name: app\nuser: x\n", "server")]
    [InlineData("name: app\nuser: x\nserver: { workers: 2 }\n", "type")]
    [InlineData("name: app\nuser: x\nserver: { type: kestrel }\n", "command")]
    public void Missing_required_key_is_an_error(string yaml, string key)
    {
        var d = Assert.Single(Load(yaml).Diagnostics);

        Assert.Equal(LoaderCodes.Missing, d.Code);
        Assert.Contains($"`{key}`", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: App", 1, 7)]
    [InlineData("name: 1app", 1, 7)]
    public void Bad_service_name_is_an_error_at_the_value(string line, int row, int column)
    {
        var yaml = line + "\nuser: deploy\nserver:\n  type: puma\n";
        Assert.Equal((LoaderCodes.InvalidValue, row, column), Single(Load(yaml)));
    }

    [Theory]
    [InlineData("  - tcp://127.0.0.1:0")]
    [InlineData("  - tcp://127.0.0.1:65536")]
    [InlineData("  - http://127.0.0.1:80")]
    [InlineData("  - tcp://[::1:80")]
    public void Bad_socket_address_is_an_error_at_the_item(string item)
    {
        Assert.Equal((LoaderCodes.InvalidValue, 6, 5), Single(Load(Minimal + "listen:\n" + item + "\n")));
    }

    [Fact]
    public void Relative_directory_is_an_error()
    {
        Assert.Equal((LoaderCodes.InvalidValue, 5, 12), Single(Load(Minimal + "directory: srv/app\n")));
    }

    [Fact]
    public void Duplicate_key_is_a_syntax_error_at_the_second_key()
    {
        var result = Load(Minimal + "name: other\n");

        var (code, line, _) = Single(result);
        Assert.Equal(LoaderCodes.Syntax, code);
        Assert.Equal(5, line);
        Assert.Contains("duplicate key", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_is_a_syntax_error_with_position()
    {
        var (code, line, _) = Single(Load("name: app\nuser: [deploy\nserver: x\n"));

        Assert.Equal(LoaderCodes.Syntax, code);
        Assert.True(line >= 2);
    }

    [Fact]
    public void Anchors_and_aliases_are_refused()
    {
        var yaml = "name: &n app\nuser: *n\nserver: { type: puma }\n";

        Assert.Equal((LoaderCodes.InputLimit, 1, 7), Single(Load(yaml)));
    }

    [Fact]
    public void Deep_nesting_is_refused_before_nodes_are_built()
    {
        var yaml = Minimal + "environment: " + new string('[', 100) + new string(']', 100) + "\n";

        Assert.Equal(LoaderCodes.InputLimit, Single(Load(yaml)).Code);
    }

    [Fact]
    public void Oversized_text_is_refused()
    {
        var yaml = Minimal + "description: " + new string('x', ModelLoader.MaxBytes) + "\n";

        Assert.Equal(LoaderCodes.InputLimit, Single(Load(yaml)).Code);
    }

    [Fact]
    public void Listen_accepts_scalar_and_map_forms_and_bare_ports()
    {
        var result = Load(Minimal + """
            listen:
              - tcp://0.0.0.0:9292
              - "9000"
              - tcp://[0:0::1]:8080
              - uri: unix:///run/app/puma.sock
                mode: "0660"
                group: www-data

            """);

        Assert.Empty(result.Diagnostics);
        var listen = result.Model!.Listen;
        Assert.Equal(["0.0.0.0:9292", "9000", "[::1]:8080", "/run/app/puma.sock"], listen.Select(l => l.Address.ListenStream));
        Assert.Equal(["tcp://0.0.0.0:9292", "tcp://[::]:9000", "tcp://[::1]:8080", "unix:///run/app/puma.sock"], listen.Select(l => l.Address.PumaBind));
        Assert.Equal("0660", listen[3].Mode);
        Assert.Equal("www-data", listen[3].Group);
        Assert.True(result.Model.SocketActivation);
        Assert.Equal((9, 10), (result.Map.Resolve("listen[3].uri").Line, result.Map.Resolve("listen[3].uri").Column));
    }

    [Fact]
    public void Command_string_is_split_like_a_shell_without_expansion()
    {
        var result = Load(Minimal + "  command: bundle exec 'puma x' -C \"/srv/a b/puma.rb\" $HOME\n");

        Assert.Equal(["bundle", "exec", "puma x", "-C", "/srv/a b/puma.rb", "$HOME"], result.Model!.Server.Command.AsEnumerable());
    }

    [Fact]
    public void Supervisor_accepts_one_name_or_a_list()
    {
        Assert.Equal([Supervisor.Runit], Load(Minimal + "supervisor: runit\n").Model!.Supervisors.AsEnumerable());
        Assert.Equal([Supervisor.Systemd, Supervisor.Runit], Load(Minimal + "supervisor: [systemd, runit]\n").Model!.Supervisors.AsEnumerable());
    }

    [Fact]
    public void Every_error_in_a_file_is_reported_in_one_run()
    {
        var result = Load("name: App\nuser: deploy\nallowRoot: maybe\nserver:\n  type: pumas\n  workres: 1\n");

        Assert.Equal([LoaderCodes.InvalidValue, LoaderCodes.WrongType, LoaderCodes.NotAllowed, LoaderCodes.UnknownKey],
            result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Versions_are_read_as_dotted_numbers()
    {
        var result = Load(Minimal + "  version: \"5.6\"\n  bundler: 2.3.27\n");

        Assert.Equal(new Version(5, 6, 0), result.Model!.Server.Version);
        Assert.Equal(new Version(2, 3, 27), result.Model.Server.Bundler);
    }

    [Fact]
    public void Processes_are_read_in_order_with_their_keys()
    {
        var result = Load(Minimal + "processes:\n  worker:\n    type: sidekiq\n    version: \"6.4.1\"\n    instances: 2\n    stopTimeout: 8\n    notify: true\n    roles: [ app ]\n  clock:\n    type: command\n    command: bundle exec clockwork clock.rb\n");

        Assert.Empty(result.Diagnostics);
        var processes = result.Model!.Processes;
        Assert.Equal(["worker", "clock"], processes.Select(p => p.Name));
        Assert.Equal(new ProcessSpec { Name = "worker", Type = ProcessType.Sidekiq, Version = new Version(6, 4, 1), Instances = 2, StopTimeout = 8, Notify = true, Roles = processes[0].Roles },
            processes[0]);
        Assert.Equal(["app"], processes[0].Roles.AsEnumerable());
        Assert.Equal(["bundle", "exec", "clockwork", "clock.rb"], processes[1].Command.AsEnumerable());
        Assert.Equal(1, processes[1].Instances);
    }

    [Fact]
    public void Unknown_process_key_is_an_error_at_the_key_with_a_suggestion()
    {
        var result = Load(Minimal + "processes:\n  worker:\n    type: sidekiq\n    stopTimout: 25\n");

        Assert.Equal((LoaderCodes.UnknownKey, 8, 5), Single(result));
        Assert.Contains("Did you mean `stopTimeout`?", result.Diagnostics[0].FullMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_name_must_fit_a_unit_name()
    {
        var result = Load(Minimal + "processes:\n  Worker.1:\n    type: sidekiq\n");

        Assert.Equal((LoaderCodes.InvalidValue, 6, 3), Single(result));
    }
}
