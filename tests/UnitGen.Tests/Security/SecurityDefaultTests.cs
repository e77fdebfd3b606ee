using System.Text.RegularExpressions;
using UnitGen.Emitters;
using UnitGen.Emitters.Systemd;
using UnitGen.Model.Facts;
using UnitGen.Model.Loading;
using UnitGen.Tests.Cli;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Security;

/// <summary>
/// Issue 7's security defaults: nothing runs as root unless the model says <c>allowRoot: true</c>, and
/// every generated service carries the default sandbox unless the model says <c>hardening: none</c>.
/// Checked on the files of every emitter, for every valid sample and one model per server type and
/// supervisor.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public partial class SecurityDefaultTests
{
    private const string Base = "name: app\nuser: deploy\ndirectory: /srv/app\n";

    /// <summary>The default profile's directives; strict keeps them all.</summary>
    private static readonly string[] DefaultSandbox =
    [
        "NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes", "PrivateDevices=yes", "DevicePolicy=closed",
        "ProtectKernelTunables=yes", "ProtectKernelModules=yes", "ProtectKernelLogs=yes", "ProtectControlGroups=yes",
        "ProtectClock=yes", "ProtectHostname=yes", "ProtectProc=invisible", "ProcSubset=pid", "RestrictNamespaces=yes",
        "RestrictRealtime=yes", "RestrictSUIDSGID=yes", "LockPersonality=yes", "RemoveIPC=yes", "KeyringMode=private",
        "UMask=0027", "CapabilityBoundingSet=", "AmbientCapabilities=", "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6",
        "SystemCallArchitectures=native", "SystemCallFilter=@system-service", "SystemCallFilter=~@privileged @resources",
        "SystemCallErrorNumber=EPERM",
    ];

    private static readonly string[] StrictExtras = ["PrivateUsers=yes", "PrivateIPC=yes", "IPAddressDeny=any", "IPAddressAllow=localhost"];

    /// <summary>Models without allowRoot: every sample, and each server type under each supervisor.</summary>
    public static TheoryData<string, string> Models
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var sample in RepoPaths.ValidSampleFiles)
            {
                data.Add(Path.GetFileName(sample), File.ReadAllText(sample));
            }

            string[] servers =
            [
                "server:\n  type: puma\n  workers: 2\n  preload: false\n",
                "server:\n  type: unicorn\n  pidfile: /srv/app/unicorn.pid\n",
                "server:\n  type: kestrel\n  command: [ /srv/app/App ]\n  useSystemd: true\n",
                "server:\n  type: command\n  command: [ /usr/bin/python3, -m, http.server ]\n",
            ];
            foreach (var server in servers)
            {
                foreach (var supervisor in new[] { "systemd", "runit", "[ systemd, runit ]" })
                {
                    var yaml = $"{Base}group: www-data\nenvironment: {{ A: b }}\n{server}listen: [ \"tcp://127.0.0.1:9000\" ]\nsupervisor: {supervisor}\n";
                    data.Add($"{server.Split('\n')[1].Trim()} under {supervisor}", yaml);
                }

                data.Add($"{server.Split('\n')[1].Trim()} as a user service",
                    $"{Base}environment: {{ A: b }}\n{server}listen: [ \"tcp://127.0.0.1:9000\" ]\nsystemd:\n  scope: user\n");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void No_emitted_file_runs_anything_as_root(string name, string yaml)
    {
        var files = Emit(yaml, name);
        if (IsUserScope(yaml))
        {
            // The user's own manager runs user units: no User=/Group= (it could not switch), nothing for root to run.
            Assert.All(files, f => Assert.DoesNotMatch(@"(?m)^(User|Group)=", f.Content));
            Assert.All(files.Where(f => f.Path.EndsWith(".service", StringComparison.Ordinal) && !f.Path.Contains('@', StringComparison.Ordinal)),
                f => Assert.Contains("\nWantedBy=default.target\n", f.Content, StringComparison.Ordinal));
            Assert.DoesNotContain(files, f => f.Path.StartsWith("runit/", StringComparison.Ordinal));
            return;
        }

        Assert.NotEmpty(files);
        Assert.NotEmpty(files.SelectMany(f => Account().Matches(f.Content))); // the scan sees the accounts it judges
        foreach (var file in files)
        {
            foreach (Match account in Account().Matches(file.Content))
            {
                Assert.False(AccountName.IsRoot(account.Groups["name"].Value), $"{name}: {file.Path} has `{account.Value}`");
            }
        }

        // systemd's default is root: each service says User= (and User= is not empty) ...
        Assert.All(files.Where(f => f.Path.EndsWith(".service", StringComparison.Ordinal)),
            f => Assert.Matches(@"\nUser=[^\s]+\n", f.Content));
        // ... and runit's is the runsv user, root: each run script drops privileges with chpst -u.
        Assert.All(files.Where(f => f.Path.EndsWith("/run", StringComparison.Ordinal)),
            f => Assert.Contains("exec chpst -u '", f.Content, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("user: root\n", "user")]
    [InlineData("user: 0\n", "user")]
    [InlineData("user: deploy\ngroup: root\n", "group")]
    [InlineData("user: deploy\ngroup: 0\n", "group")]
    [InlineData("user: root\nsupervisor: runit\n", "user")]
    public void Generate_refuses_root_without_allow_root_and_writes_nothing(string account, string key)
    {
        using var dir = new TempFolder();
        var model = dir.Write("unitgen.yaml", $"name: app\n{account}directory: /srv/app\nserver:\n  type: puma\n");
        var outDir = dir.File("out");

        var run = CliRun.Of("generate", model, "--out", outDir);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches($@"unitgen\.yaml\(\d+,\d+\): error UG0705: .*`{key}: ", run.Stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Allow_root_is_the_one_way_to_a_root_service_and_it_is_said_outright()
    {
        var files = Emit($"name: app\nuser: root\nallowRoot: true\ndirectory: /srv/app\nserver:\n  type: puma\nsupervisor: [ systemd, runit ]\n", "allowRoot");

        Assert.Contains("\nUser=root\n", files.Single(f => f.Path.EndsWith(".service", StringComparison.Ordinal)).Content, StringComparison.Ordinal);
        Assert.Contains("exec chpst -u 'root' ", files.Single(f => f.Path == "runit/app/run").Content, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_service_has_the_default_sandbox_unless_the_model_says_none(string name, string yaml)
    {
        var services = Services(yaml, name, profile: null);
        var none = Services(yaml, name, "none");
        var strict = Services(yaml, name, "strict");

        // Kestrel keeps ProtectProc= at its default: .NET's UseSystemd() reads /proc/PPID/comm (Hardening.cs).
        var kestrel = yaml.Contains("type: kestrel", StringComparison.Ordinal);
        var user = IsUserScope(yaml);
        var sandbox = kestrel ? DefaultSandbox.Where(d => d != "ProtectProc=invisible").ToArray() : DefaultSandbox;
        var strictExtras = StrictExtras;
        if (user)
        {
            // A user manager applies the namespaces only inside a user namespace of their own, and cannot apply
            // what UserManagerSandbox lists (proven in EndToEnd/UserScopeTests): PrivateUsers= moves to default.
            sandbox = [.. sandbox.Where(d => !UserManagerSandbox.Unavailable.ContainsKey(d.Split('=')[0])), "PrivateUsers=yes"];
            strictExtras = [.. StrictExtras.Where(d => !UserManagerSandbox.Unavailable.ContainsKey(d.Split('=')[0]) && d != "PrivateUsers=yes")];
        }

        foreach (var (path, service) in services)
        {
            var lines = service.Split('\n');
            Assert.All(sandbox, d => Assert.True(lines.Contains(d), $"{name}: {path} lacks {d}"));
            Assert.Equal(!kestrel && !user, lines.Contains("ProtectProc=invisible"));
            Assert.Contains(lines, l => l is "ProtectHome=yes" or "ProtectHome=read-only");
            Assert.DoesNotContain(strictExtras, lines.Contains);
            Assert.All(user ? UserManagerSandbox.Unavailable.Keys : [], key => Assert.DoesNotContain(lines, l => l.StartsWith(key + "=", StringComparison.Ordinal)));

            var noneLines = none[path].Split('\n');
            Assert.DoesNotContain(noneLines, l => SandboxKeys.Contains(l.Split('=')[0]));

            var strictLines = strict[path].Split('\n');
            Assert.All(sandbox.Concat(strictExtras), d => Assert.True(strictLines.Contains(d), $"{name}: strict {path} lacks {d}"));
        }
    }

    private static bool IsUserScope(string yaml) => Regex.IsMatch(yaml, @"(?m)^  scope: user\b|scope: user\b");

    private static readonly HashSet<string> SandboxKeys =
        [.. DefaultSandbox.Concat(StrictExtras).Select(d => d.Split('=')[0]), "ProtectHome", "ReadWritePaths", "MemoryDenyWriteExecute"];

    private static System.Collections.Immutable.ImmutableArray<EmittedFile> Emit(string yaml, string name)
    {
        var loaded = ModelLoader.Load(yaml, name);
        Assert.True(loaded.Model is not null, $"{name}: {string.Join('\n', loaded.Diagnostics)}");
        var errors = UnitGen.Model.Rules.Validator.Validate(loaded.Model, loaded.Map).Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 0, $"{name}: {string.Join('\n', errors)}");
        return Generator.Emit(loaded.Model);
    }

    private static Dictionary<string, string> Services(string yaml, string name, string? profile)
    {
        var text = SetHardening(yaml, profile);
        return Emit(text, name).Where(f => f.Path.EndsWith(".service", StringComparison.Ordinal)).ToDictionary(f => f.Path, f => f.Content);
    }

    /// <summary>The model without its <c>hardening:</c> (null: the default applies), or with the given one.</summary>
    private static string SetHardening(string yaml, string? profile)
    {
        var without = EmptySection().Replace(HardeningLine().Replace(yaml, string.Empty), string.Empty);
        return profile is null ? without
            : without.Contains("\nsystemd:\n", StringComparison.Ordinal)
                ? without.Replace("\nsystemd:\n", $"\nsystemd:\n  hardening: {profile}\n", StringComparison.Ordinal)
                : without.TrimEnd('\n') + $"\nsystemd:\n  hardening: {profile}\n";
    }

    [GeneratedRegex(@"^  hardening: \w+\n", RegexOptions.Multiline)]
    private static partial Regex HardeningLine();

    /// <summary>A <c>systemd:</c> left with no keys (an empty section is not a mapping).</summary>
    [GeneratedRegex(@"^systemd:\n(?! )", RegexOptions.Multiline)]
    private static partial Regex EmptySection();

    /// <summary>Every account a generated file hands to systemd or chpst (user, or user:group).</summary>
    [GeneratedRegex(@"^(?:User|Group|SocketUser|SocketGroup)=(?<name>.*)$|chpst -u '(?<name>[^':]*)|chpst -u '[^':]*:(?<name>[^']*)'", RegexOptions.Multiline)]
    private static partial Regex Account();
}
