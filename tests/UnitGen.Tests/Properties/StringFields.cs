using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using UnitGen.Model;
using UnitGen.Model.Loading;

namespace UnitGen.Tests.Properties;

/// <summary>
/// Every string-valued key of <c>unitgen.yaml</c> (<see cref="ModelKeys"/>), with where its value
/// must come back out. <see cref="FieldTableTests"/> checks by reflection that every string property
/// of the model records is covered, so a new key cannot be left out.
/// </summary>
public static class StringFields
{
    /// <summary>Codes any key may produce: the 1 MiB input limit.</summary>
    public static readonly ImmutableHashSet<string> AnyKey = ["UG0007"];

    /// <summary>YAML syntax: the only way to write a lone surrogate is a <c>\u</c> escape, which YAML refuses.</summary>
    public const string NotUnicode = "UG0001";

    private const Judges All = Judges.Systemd | Judges.Shell | Judges.Ruby;

    public static ImmutableArray<StringField> Table { get; } =
    [
        new("name", HostileStrings.After("app"), Hole("name"), ["ServiceModel.Name"], ["UG0006"],
            (m, _) => m.Name,
            (v, e) => Assert.True(e.Service is not null && e.Files.ContainsKey($"runit/{v}/run"), "no unit or run script named after the service"),
            All),
        new("description", HostileStrings.Any, Hole("description"), ["ServiceModel.Description"], ["UG0701", "UG0720"],
            (m, _) => m.Description,
            (v, e) =>
            {
                Assert.Equal(v, e.ServiceValue("Unit", "Description"));
                Assert.Equal(v + " (sockets)", e.Socket?.Last("Unit", "Description")?.Value);
            },
            Judges.Systemd),
        new("user", HostileStrings.After("deploy"), Hole("user"), ["ServiceModel.User"], ["UG0701", "UG0705", "UG0720", "UG0722"],
            (m, _) => m.User,
            (v, e) => Assert.Equal(v, e.ServiceValue("Service", "User")),
            Judges.Systemd | Judges.Shell),
        new("group", HostileStrings.After("www-data"), Hole("group"), ["ServiceModel.Group"], ["UG0701", "UG0705", "UG0720", "UG0722"],
            (m, _) => m.Group,
            (v, e) => Assert.Equal(v, e.ServiceValue("Service", "Group")),
            Judges.Systemd | Judges.Shell),
        new("directory", HostileStrings.After("/srv/app"), Hole("directory"), ["ServiceModel.Directory"], ["UG0006", "UG0701", "UG0203", "UG0720", "UG0723"],
            (m, _) => m.Directory,
            (v, e) =>
            {
                Assert.Equal(v, e.ServiceValue("Service", "WorkingDirectory"));
                Assert.Contains("-" + v + "/tmp", ReadWritePaths(e));
                Assert.Equal([v], e.Ruby(e.Model.Server.Type == ServerType.Unicorn ? "working_directory" : "directory"));
            },
            All),
        new("envFile", HostileStrings.After("/etc/default/"), Hole("envFile"), ["ServiceModel.EnvFile"], ["UG0006", "UG0701", "UG0203", "UG0720", "UG0723"],
            (m, _) => m.EnvFile,
            (v, e) => Assert.Equal(v, e.ServiceValue("Service", "EnvironmentFile")),
            Judges.Systemd),
        new("environment@key", HostileStrings.After("APP_"), Hole("envKey"), ["EnvironmentVariable.Name"], ["UG0501", "UG0510"],
            (m, _) => m.Environment.Single().Name,
            (v, e) =>
            {
                Assert.Equal([v], e.EnvFile!.Assignments.Select(a => a.Name));
                Assert.True(e.Files.ContainsKey($"runit/{e.Model.Name}/env/{v}"), "no envdir file");
            },
            Judges.Systemd | Judges.Shell),
        new("environment", HostileStrings.Any, Hole("envValue"), ["EnvironmentVariable.Value"], ["UG0502", "UG0604", "UG0510"],
            (m, _) => m.Environment.Single().Value,
            (v, e) =>
            {
                Assert.Equal([v], e.EnvFile!.Assignments.Select(a => a.Value));
                Assert.Equal(v + "\n", e.Text("env/RAILS_ENV"));
            },
            Judges.Systemd | Judges.Shell),
        new("server.type", HostileStrings.Any, Hole("type"), ["ServerSpec.Type"], ["UG0004", "UG0003", "UG0005"],
            null, (_, _) => { }, Judges.None),
        new("server.version", HostileStrings.After("5."), Hole("version"), ["ServerSpec.Version"], ["UG0006", "UG0003"],
            null, (_, _) => { }, Judges.None),
        new("server.command[0]", HostileStrings.After("/usr/bin/"), (t, v) => t.With("command", $"[ {YamlScalar.Write(v)}, -C, /srv/app/config/puma.rb ]"),
            ["ServerSpec.Command"], ["UG0203", "UG0701", "UG0201", "UG0202", "UG0211", "UG0723", "UG0510"],
            (m, _) => m.Server.Command[0],
            (v, e) => Assert.Equal([v, "-C", "/srv/app/config/puma.rb"], e.ExecStart()),
            Judges.Systemd | Judges.Shell),
        new("server.command[1]", HostileStrings.Any, (t, v) => t.With("command", $"[ /usr/bin/puma, {YamlScalar.Write(v)} ]"),
            ["ServerSpec.Command"], ["UG0203", "UG0701", "UG0201", "UG0202", "UG0211", "UG0212", "UG0510"],
            (m, _) => m.Server.Command[1],
            // The generated config goes right after the program (UG0211), unless the word is a config option itself.
            (v, e) => Assert.Equal(e.Model.Server.EffectiveCommand("/srv/app/config/puma.rb"), e.ExecStart()),
            Judges.Systemd | Judges.Shell),
        new("server.command (string)", HostileStrings.After("/usr/bin/puma "), Hole("command"),
            ["ServerSpec.Command"], ["UG0006", "UG0203", "UG0701", "UG0201", "UG0202", "UG0211", "UG0212", "UG0723", "UG0510"],
            null,
            (v, e) => Assert.Equal(e.Model.Server.EffectiveCommand("/srv/app/config/puma.rb"), e.ExecStart()),
            Judges.Systemd | Judges.Shell),
        new("server.bundler", HostileStrings.After("2."), Hole("bundler"), ["ServerSpec.Bundler"], ["UG0006", "UG0003", "UG0202"],
            null, (_, _) => { }, Judges.None),
        new("server.ruby", HostileStrings.After("3."), Hole("ruby"), ["ServerSpec.Ruby"], ["UG0006", "UG0003"],
            null, (_, _) => { }, Judges.None),
        new("server.config", HostileStrings.After("/srv/app/"), Hole("config"), ["ServerSpec.Config"], ["UG0006", "UG0701", "UG0203", "UG0723"],
            (m, _) => m.Server.Config,
            (v, e) => Assert.Equal(v, e.ExecStart()[e.ExecStart().ToList().FindIndex(w => w is "-C" or "-c") + 1]),
            Judges.Systemd | Judges.Shell),
        new("server.rackup", HostileStrings.Any, Hole("rackup"), ["ServerSpec.Rackup"], ["UG0701", "UG0203", "UG0510"],
            (m, _) => m.Server.Rackup,
            (v, e) =>
            {
                if (e.Model.Server.Type == ServerType.Unicorn)
                {
                    Assert.Equal(v, e.ExecStart()[^1]);
                }
                else
                {
                    Assert.Equal([v], e.Ruby("rackup"));
                }
            },
            All),
        new("server.environment", HostileStrings.Any, Hole("serverEnvironment"), ["ServerSpec.Environment"], ["UG0701"],
            (m, _) => m.Server.Environment,
            (v, e) =>
            {
                if (e.Model.Server.Type == ServerType.Puma)
                {
                    Assert.Equal([v], e.Ruby("environment"));
                }
            },
            Judges.Ruby),
        new("server.pidfile", HostileStrings.After("/srv/app/tmp/"), Hole("pidfile"), ["ServerSpec.Pidfile"], ["UG0006", "UG0701", "UG0203", "UG0723"],
            (m, _) => m.Server.Pidfile,
            (v, e) =>
            {
                Assert.Equal([v], e.Ruby(e.Model.Server.Type == ServerType.Unicorn ? "pid" : "pidfile"));
                if (System.IO.Path.GetDirectoryName(v) is { Length: > 0 } folder)
                {
                    Assert.Contains("-" + folder, ReadWritePaths(e));
                }
            },
            All),
        new("server.binds[]", HostileStrings.After("tcp://127.0.0.1:"),
            (t, v) => t.With("binds", $"[ {YamlScalar.Write(v)} ]").With("socketActivation", "false"),
            ["ServerSpec.Binds"], ["UG0701", "UG0101", "UG0107"],
            (m, _) => m.Server.Binds!.Value.Single(),
            (v, e) =>
            {
                if (e.Model.Server.Type == ServerType.Puma)
                {
                    Assert.Equal([v], e.Ruby("bind"));
                }
            },
            Judges.Ruby),
        new("listen[].uri", HostileStrings.After("tcp://"), Hole("tcpUri"), ["Listener.Address", "TcpAddress.Host"],
            ["UG0006", "UG0104", "UG0106", "UG0701", "UG0103", "UG0003", "UG0107", "UG0720", "UG0723"],
            null,
            (v, e) => Assert.Contains(ListenAddress.Parse(v)!.ListenStream, e.SocketValues("ListenStream")),
            All),
        new("listen[].uri (unix path)", HostileStrings.After("/run/app/"), (t, v) => t.With("unixUri", YamlScalar.Write("unix://" + v)),
            ["Listener.Address", "UnixAddress.Path"], ["UG0006", "UG0107", "UG0106", "UG0701", "UG0720", "UG0723"],
            (m, _) => ((UnixAddress)m.Listen[1].Address).Path,
            (v, e) =>
            {
                Assert.Equal(v, e.SocketValues("ListenStream").ElementAt(1));
                if (e.Model.Server.Type == ServerType.Puma)
                {
                    Assert.Equal(["tcp://127.0.0.1:9292", "unix://" + v], e.Ruby("bind"));
                }
                else
                {
                    Assert.Equal(["127.0.0.1:9292", v], e.Ruby("listen"));
                }
            },
            All),
        new("listen[].mode", HostileStrings.After("06"), Hole("mode"), ["Listener.Mode"], ["UG0006", "UG0701", "UG0720"],
            (m, _) => m.Listen[1].Mode,
            (v, e) => Assert.Equal([v], e.SocketValues("SocketMode")),
            Judges.Systemd),
        new("listen[].group", HostileStrings.After("www-data"), Hole("listenGroup"), ["Listener.Group"], ["UG0701", "UG0720", "UG0722"],
            (m, _) => m.Listen[1].Group,
            (v, e) => Assert.Equal([v], e.SocketValues("SocketGroup")),
            Judges.Systemd),
        new("restart", HostileStrings.Any, Hole("restart"), ["ServiceModel.Restart"], ["UG0004", "UG0003", "UG0404"],
            null, (_, _) => { }, Judges.None),
        new("supervisor", HostileStrings.Any, Hole("supervisor"), ["ServiceModel.Supervisors"], ["UG0004", "UG0003"],
            null, (_, _) => { }, Judges.None),
        new("systemd.hardening", HostileStrings.Any, Hole("hardening"), ["SystemdSpec.Hardening"], ["UG0004", "UG0003"],
            null, (_, _) => { }, Judges.None),
        new("systemd.scope", HostileStrings.Any, Hole("scope"), ["SystemdSpec.Scope"], ["UG0004", "UG0003"],
            null, (_, _) => { }, Judges.None),
        new("systemd.stdout", HostileStrings.After("append:/var/log/app/"), Hole("stdout"), ["SystemdSpec.Stdout"], ["UG0701", "UG0203", "UG0720", "UG0723", "UG0724"],
            (m, _) => m.Systemd.Stdout,
            (v, e) => Assert.Equal(v, e.ServiceValue("Service", "StandardOutput")),
            Judges.Systemd | Judges.Ruby),
        new("systemd.stderr", HostileStrings.After("append:/var/log/app/"), Hole("stderr"), ["SystemdSpec.Stderr"], ["UG0701", "UG0203", "UG0720", "UG0723", "UG0724"],
            (m, _) => m.Systemd.Stderr,
            (v, e) => Assert.Equal(v, e.ServiceValue("Service", "StandardError")),
            Judges.Systemd | Judges.Ruby),
        new("systemd.after[]", HostileStrings.Before(".service"), Hole("after"), ["SystemdSpec.After"], ["UG0701", "UG0721"],
            (m, _) => m.Systemd.After.Single(),
            (v, e) => Assert.Equal(["network.target", e.Model.Name + ".socket", v], e.ServiceValue("Unit", "After")!.Split(' ')),
            Judges.Systemd),
        new("systemd.wants[]", HostileStrings.Before(".service"), Hole("wants"), ["SystemdSpec.Wants"], ["UG0701", "UG0721"],
            (m, _) => m.Systemd.Wants.Single(),
            (v, e) => Assert.Equal([v], e.ServiceValue("Unit", "Wants")!.Split(' ')),
            Judges.Systemd),
        new("systemd.readWritePaths[]", HostileStrings.After("/srv/app/storage"), Hole("readWritePaths"), ["SystemdSpec.ReadWritePaths"], ["UG0006", "UG0701", "UG0723"],
            (m, _) => m.Systemd.ReadWritePaths.Single(),
            (v, e) => Assert.Contains("-" + v, ReadWritePaths(e)),
            Judges.Systemd),
        // Any text: systemd parses LimitNOFILE= itself (a bad number is its log line, not a broken file), so no judge.
        new("systemd.extra.*", HostileStrings.Any, Hole("extraValue"), ["SystemdSpec.Extra"], ["UG0701", "UG0720"],
            (m, _) => m.Systemd.Extra.Single().Value,
            (v, e) => Assert.Equal(v, e.ServiceValue("Service", "LimitNOFILE")),
            Judges.None),
        new("runit.serviceDir", HostileStrings.After("/etc/sv"), Hole("serviceDir"), ["RunitSpec.ServiceDir"], ["UG0006", "UG0701", "UG0203", "UG0723"],
            (m, _) => m.Runit.ServiceDir,
            (v, e) => Assert.Contains($"# Install as {v}/{e.Model.Name} and link", e.Text("run"), StringComparison.Ordinal),
            Judges.Shell),
        new("runit.logDir", HostileStrings.After("/var/log/"), Hole("logDir"), ["RunitSpec.LogDir"], ["UG0006", "UG0701", "UG0203", "UG0723"],
            (m, _) => m.Runit.LogDir,
            (_, _) => { },
            Judges.Shell),
    ];

    private static Func<ModelTemplate, string, ModelTemplate> Hole(string hole) => (t, v) => t.With(hole, YamlScalar.Write(v));

    /// <summary>ReadWritePaths= entries as systemd splits them (quoted words, systemd.syntax(7)).</summary>
    private static IEnumerable<string> ReadWritePaths(EmittedSet e) =>
        e.ServiceValues("Service", "ReadWritePaths").SelectMany(UnitWords.Split);
}
