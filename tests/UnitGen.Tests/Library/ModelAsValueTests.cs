using System.Collections.Immutable;
using System.Reflection;
using UnitGen.Emitters;
using UnitGen.Emitters.Output;
using UnitGen.Lint;
using UnitGen.Model;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Library;

/// <summary>
/// The model as a library user meets it: records equal by value, no null traps, an Emit() that refuses
/// an invalid model, and writes that stay in their folder.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public class ModelAsValueTests
{
    private static readonly ServiceModel Web = new()
    {
        Name = "web",
        User = "deploy",
        Directory = "/srv/web",
        Server = new ServerSpec { Type = ServerType.Puma, Workers = 2, Threads = new ThreadRange(5, 5) },
        Listen = [new Listener(new UnixAddress("/run/web/puma.sock")) { Mode = "0660", Group = "www-data" }],
        Environment = [new EnvironmentVariable("RAILS_ENV", "production")],
    };

    public static TheoryData<string> Samples => [.. Directory.GetFiles(RepoPaths.Samples, "*.yaml").Select(p => Path.GetFileName(p))];

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_model_read_twice_is_equal_with_the_same_hash(string sample)
    {
        var first = ModelLoader.LoadFile(Path.Combine(RepoPaths.Samples, sample)).Model!;
        var second = ModelLoader.LoadFile(Path.Combine(RepoPaths.Samples, sample)).Model!;

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, second with { Listen = [.. second.Listen, new Listener(new TcpAddress("127.0.0.1", 9999))] });
    }

    [Fact]
    public void Two_models_built_alike_in_code_are_equal()
    {
        var twin = Web with
        {
            Listen = [new Listener(new UnixAddress("/run/web/puma.sock")) { Mode = "0660", Group = "www-data" }],
            Environment = [new EnvironmentVariable("RAILS_ENV", "production")],
        };

        Assert.Equal(Web, twin);
        Assert.Equal(Web.GetHashCode(), twin.GetHashCode());
        Assert.NotEqual(Web, twin with { Environment = [new EnvironmentVariable("RAILS_ENV", "staging")] });
    }

    [Fact]
    public void Every_list_of_the_model_compares_by_value()
    {
        // A new list member written as ImmutableArray<T> would compare by reference again.
        var records = typeof(ServiceModel).Assembly.GetTypes()
            .Where(t => t.Namespace == "UnitGen.Model" && t.GetMethod("<Clone>$") is not null);
        var byReference = records
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (t, p)))
            .Where(x => (Nullable.GetUnderlyingType(x.p.PropertyType) ?? x.p.PropertyType) is { IsGenericType: true } g
                && g.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
            .Select(x => $"{x.t.Name}.{x.p.Name}");

        Assert.Empty(byReference);
        Assert.Contains(records, t => t == typeof(ProcessSpec));
    }

    [Fact]
    public void Default_lists_are_empty_lists_not_null_arrays()
    {
        var model = Web with { Listen = default, Environment = default, Processes = default, Systemd = new SystemdSpec { After = default } };

        Assert.DoesNotContain(model.Validate(), d => d.IsError);
        Assert.Contains(model.Emit(), f => f.Path == "systemd/web.service");
        Assert.Equal(Web with { Listen = [], Environment = [] }, Web with { Listen = default, Environment = default });
        // No supervisor at all is a value error, not a crash.
        Assert.Equal("UG0006", Assert.Single((Web with { Supervisors = default }).Validate()).Code);
    }

    [Fact]
    public void Emit_refuses_an_invalid_model_with_its_diagnostics()
    {
        var bad = Web with { Name = "x/../../y", Server = Web.Server with { Workers = -3 } };

        var e = Assert.Throws<InvalidModelException>(() => bad.Emit());

        Assert.Equal(["name: UG0006", "server.workers: UG0006"], e.Diagnostics.Select(d => $"{d.Path}: {d.Code}"));
        Assert.Contains("name: error UG0006: Service name `x/../../y` is not allowed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Emit_gives_the_files_of_a_valid_model_and_they_round_trip_through_a_folder()
    {
        using var dir = new TempFolder();
        var files = Web.Emit();

        var before = files.CheckAgainst(dir.Path);
        var written = files.WriteTo(dir.Path);
        var after = files.CheckAgainst(dir.Path);

        Assert.All(before, c => Assert.Equal(FileChangeKind.Created, c.Kind));
        Assert.Equal(before, written);
        Assert.All(after, c => Assert.Equal(FileChangeKind.Unchanged, c.Kind));
        Assert.Equal(files.Length, Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Checking_against_a_folder_writes_nothing()
    {
        using var dir = new TempFolder();

        var changes = Web.Emit().CheckAgainst(dir.Path);

        Assert.NotEmpty(changes);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("x/../../y")]
    [InlineData("../y")]
    [InlineData("x/../y")]
    [InlineData("/tmp/y")]
    public void No_model_built_in_code_writes_outside_its_output_folder(string name)
    {
        using var root = new TempFolder();
        var output = Directory.CreateDirectory(Path.Combine(root.Path, "out")).FullName;
        var model = Web with { Name = name };

        // The public path refuses the model...
        Assert.Throws<InvalidModelException>(() => model.Emit());
        // ...and the writer refuses such paths even from the unchecked generator.
        Assert.Throws<ArgumentException>(() => Generator.Emit(model).WriteTo(output));

        Assert.Empty(Directory.EnumerateFiles(root.Path, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("systemd/../web.service")]
    [InlineData("systemd/./web.service")]
    [InlineData("systemd//web.service")]
    [InlineData("")]
    public void The_writer_refuses_a_path_that_is_not_plain(string path)
    {
        using var dir = new TempFolder();

        Assert.Throws<ArgumentException>(() => new[] { new EmittedFile(path, "x", EmittedFile.Readable) }.WriteTo(dir.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void A_lint_file_copied_with_other_text_parses_the_new_text()
    {
        var file = new LintFile("web.service", LintFileKind.Service, "[Service]\nExecStart=/bin/old\n", null);
        Assert.Equal("/bin/old", file.Unit.Last("Service", "ExecStart")!.Value);

        var changed = file with { Text = "[Service]\nExecStart=/bin/new\n" };

        Assert.Equal("/bin/new", changed.Unit.Last("Service", "ExecStart")!.Value);
        Assert.Equal("/bin/old", file.Unit.Last("Service", "ExecStart")!.Value);
        Assert.Equal(file, file with { });
        Assert.Equal(changed, new LintFile("web.service", LintFileKind.Service, "[Service]\nExecStart=/bin/new\n", null));
    }
}
