using UnitGen.Lint.Import;
using UnitGen.Model;
using UnitGen.Model.Fields;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Import;

/// <summary>
/// The import writer writes the keys of the field table (ModelFields), so every key a model can hold is written
/// and loads back to the same value: a model with every key set survives write → load unchanged.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public sealed class ModelYamlWriterRoundTripTests
{
    /// <summary>A model with every key of the table set to a value other than its default.</summary>
    private static readonly ServiceModel Full = new()
    {
        Name = "shop",
        Description = "Shop \"front\" \\ back",
        User = "deploy",
        AllowRoot = true,
        Group = "www-data",
        Directory = "/srv/shop",
        Environment = [new("RAILS_ENV", "production"), new("QUOTE", "a \"b\"\tc")],
        EnvFile = "/etc/shop.env",
        Server = new ServerSpec
        {
            Type = ServerType.Puma,
            Version = new Version(6, 4, 2),
            Command = ["bundle", "exec", "puma", "-C", "/srv/shop/puma.rb"],
            Bundler = new Version(2, 5, 3),
            Config = "/srv/shop/puma.rb",
            Rackup = "/srv/shop/config.ru",
            Environment = "production",
            Workers = 3,
            Threads = new ThreadRange(2, 8),
            Preload = false,
            ForkWorker = true,
            SdNotifyGem = true,
            PruneBundler = true,
            Pidfile = "/srv/shop/tmp/puma.pid",
            Timeout = 30,
            UseSystemd = true,
            LocalConfig = false,
            Binds = ["tcp://127.0.0.1:9000"],
            Ruby = new Version(3, 3, 0),
            Yjit = true,
        },
        Listen = [Listener.Unix("/run/shop/puma.sock", "0660", "www-data"), Listener.Port(9000), Listener.Tcp("127.0.0.1", 9001)],
        Restart = RestartStrategy.Phased,
        Supervisors = [Supervisor.Systemd, Supervisor.Runit],
        Systemd = new SystemdSpec
        {
            SocketActivation = true,
            Notify = true,
            WatchdogSec = 20,
            Hardening = HardeningProfile.Strict,
            Stdout = "journal",
            Stderr = "file:/var/log/shop.err",
            After = ["redis.service"],
            Wants = ["redis.service"],
            ReadWritePaths = ["/srv/shop/tmp"],
            Extra = [new("Service", "LimitNOFILE", "65536"), new("Service", "Nice", "5"), new("Unit", "StartLimitBurst", "3")],
            Scope = SystemdScope.User,
        },
        Runit = new RunitSpec { ServiceDir = "/etc/service", LogDir = "/var/log/shop" },
        Processes =
        [
            new ProcessSpec
            {
                Name = "worker", Type = ProcessType.Sidekiq, Version = new Version(7, 2, 0), Command = ["bundle", "exec", "sidekiq"],
                Config = "/srv/shop/config/sidekiq.yml", Instances = 2, StopTimeout = 30, Notify = true, WatchdogSec = 10, Roles = ["app"],
            },
            new ProcessSpec { Name = "clock", Type = ProcessType.Command, Command = ["bin/clock"] },
        ],
        Deploy = new DeploySpec
        {
            Health = new HealthCheckSpec { Path = "/up", Timeout = 90 },
            Capistrano = new CapistranoSpec { Roles = ["web", "api"], Rolling = new RollingSpec { Limit = 2, Wait = 5 }, Sudo = true, Hook = "deploy:finished" },
        },
    };

    private static ServiceModel? Reload(string yaml) => ModelLoader.Load(yaml, "imported.yaml").Model;

    [Fact]
    public void Every_key_of_the_field_table_has_a_value_in_the_full_model()
    {
        var unset = ModelFields.All
            .Where(f => f.Type is not (FieldType.Section or FieldType.Collection))
            .Where(f => OwnersOf(f, Full).All(owner => IsAbsent(f.Read?.Invoke(owner))))
            .Select(f => f.Path);

        Assert.Empty(unset);
    }

    [Fact]
    public void Every_key_the_table_has_is_written_and_loads_back_to_its_value()
    {
        var yaml = ModelYamlWriter.Write(new ImportedModel(Full));

        var loaded = ModelLoader.Load(yaml, "imported.yaml");

        Assert.True(loaded.Model is not null, string.Join('\n', loaded.Diagnostics) + "\n" + yaml);
        Assert.Empty(loaded.Diagnostics);
        Assert.All(ModelFields.All.Where(f => f.Read is not null), f =>
            Assert.Equal(OwnersOf(f, Full).Select(o => Text(f.Read!(o))), OwnersOf(f, loaded.Model).Select(o => Text(f.Read!(o)))));
        Assert.Equal(Full, loaded.Model);
    }

    [Fact]
    public void A_key_left_out_of_the_written_file_is_a_different_model()
    {
        // Negative control: the comparison above sees one missing line.
        var yaml = ModelYamlWriter.Write(new ImportedModel(Full));
        var withoutTimeout = string.Join('\n', yaml.Split('\n').Where(l => !l.TrimStart().StartsWith("timeout:", StringComparison.Ordinal)));

        Assert.NotEqual(yaml, withoutTimeout);
        Assert.NotEqual(Full, Reload(withoutTimeout));
    }

    [Fact]
    public void The_keys_are_written_in_table_order()
    {
        var yaml = ModelYamlWriter.Write(new ImportedModel(Full));

        var rootKeys = yaml.Split('\n').Where(l => l.Length > 0 && char.IsAsciiLetter(l[0])).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]);
        Assert.Equal(ModelFields.KeysOf(string.Empty), rootKeys);
    }

    /// <summary>What a row reads from: the model, or each item of its collection.</summary>
    private static IEnumerable<object> OwnersOf(ModelField field, ServiceModel model)
    {
        var collection = ModelFields.All.FirstOrDefault(c => c.Items is not null
            && (field.Path.StartsWith(c.Path + ".", StringComparison.Ordinal) || field.Path.StartsWith(c.Path + "[]", StringComparison.Ordinal)));
        return collection is null ? [model] : collection.Items!(model).Select(i => i.Value);
    }

    private static bool IsAbsent(object? value) =>
        value is null || (value is System.Collections.IEnumerable list and not string && !list.Cast<object>().Any());

    /// <summary>A value as comparable text: lists by their items.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        System.Collections.IEnumerable list => string.Join("|", list.Cast<object>()),
        _ => value.ToString(),
    };
}
