using UnitGen.Model.Diagnostics;
using UnitGen.Model.Loading;
using UnitGen.Model.Rules;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Rules;

/// <summary>
/// The finer points of rules, each checked against the upstream behaviour it encodes: puma and unicorn
/// socket matching, dual-stack collisions, which shells exec, what systemd refuses.
/// Models start from <see cref="Head"/> (lines 1-4).
/// </summary>
[Trait(Category.Name, Category.Unit)]
public class RuleBehaviourTests
{
    private const string Head = "name: app\nuser: deploy\ndirectory: /srv/app\nserver:\n";

    public static TheoryData<string, string, int, int> MoreTriggers => new()
    {
        // dash (Debian's sh) forks even a one-command script (checked: dash 0.5.12 gives the child a new PID).
        { "UG0201", "  type: puma\n  command: [ /bin/sh, -c, \"puma -C /srv/app/puma.rb\" ]\nlisten: [ \"tcp://127.0.0.1:9292\" ]\n", 6, 12 },
        { "UG0201", "  type: puma\n  command: [ sudo, -u, deploy, /usr/local/bin/puma ]\nsystemd:\n  notify: true\n  socketActivation: false\n", 6, 12 },
        { "UG0201", "  type: puma\n  command: [ rvm, 3.1.2, do, puma ]\nlisten: [ \"tcp://127.0.0.1:9292\" ]\n", 6, 12 },
        { "UG0201", "  type: puma\n  command: [ bash, -o, pipefail, -c, \"cd /srv/app; puma\" ]\nlisten: [ \"tcp://127.0.0.1:9292\" ]\n", 6, 12 },
        // Unicorn expands a bare port to 0.0.0.0:PORT; systemd's bare port is [::]:PORT.
        { "UG0105", "  type: unicorn\n  binds: [ \"tcp://0.0.0.0:8080\" ]\nlisten: [ \"8080\" ]\n", 6, 12 },
        // [::] is dual-stack: it holds 0.0.0.0 too.
        { "UG0106", "  type: puma\nlisten:\n  - tcp://[::]:9292\n  - tcp://0.0.0.0:9292\n", 8, 5 },
        { "UG0106", "  type: puma\nlisten:\n  - tcp://0.0.0.0:9292\n  - tcp://10.0.0.1:9292\n", 8, 5 },
        // Unix paths compare after normalisation, as puma's File.realdirpath does.
        { "UG0106", "  type: puma\nlisten:\n  - unix:///run/app/app.sock\n  - unix:///run/app//./app.sock\n", 8, 5 },
        { "UG0107", "  type: puma\nlisten:\n  - uri: unix://tmp/app.sock\n    mode: \"0660\"\n", 7, 10 },
        { "UG0203", "  type: puma\nsystemd:\n  stdout: append:~/log/puma.log\n", 7, 11 },
        { "UG0203", "  type: puma\n  command: [ /usr/local/bin/puma, -C, \"$HOME/puma.rb\" ]\n", 6, 12 },
        { "UG0402", "  type: puma\n  version: \"5.6.5\"\n  command: [ /usr/local/bin/puma, -w2, -C, /srv/app/puma.rb ]\nrestart: phased\n", 8, 10 },
        { "UG0402", "  type: puma\n  workers: 2\nrestart: phased\n", 7, 10 },
        { "UG0402", "  type: puma\n  version: \"7.0.0\"\n  workers: 2\nrestart: phased\n", 8, 10 },
        { "UG0405", "  type: kestrel\n  command: [ /srv/app/App ]\n  useSystemd: true\nlisten: [ \"tcp://127.0.0.1:5000\" ]\nrestart: phased\n", 9, 10 },
        // Kestrel endpoints from configuration are bound besides systemd's sockets, whatever the prefix
        // (measured, ASP.NET Core 10.0.12: same port → "address already in use"); PreferHostingUrls
        // makes the host URLs replace systemd's sockets.
        { "UG0110", "  type: kestrel\n  command: [ /srv/app/App ]\n  useSystemd: true\nenvironment:\n  ASPNETCORE_KESTREL__ENDPOINTS__api__URL: \"http://127.0.0.1:5001\"\nlisten: [ \"tcp://127.0.0.1:5000\" ]\n", 9, 3 },
        { "UG0110", "  type: kestrel\n  command: [ /srv/app/App ]\n  useSystemd: true\nenvironment:\n  ASPNETCORE_URLS: \"http://127.0.0.1:5001\"\n  ASPNETCORE_PREFERHOSTINGURLS: \"true\"\nlisten: [ \"tcp://127.0.0.1:5000\" ]\n", 10, 3 },
    };

    public static TheoryData<string, string> MoreClean => new()
    {
        // bash replaces itself with a one-command script (checked: bash 5.2.15, also with -l).
        { "UG0201", "  type: puma\n  command: [ /bin/bash, -lc, \"puma -C /srv/app/puma.rb\" ]\nlisten: [ \"tcp://127.0.0.1:9292\" ]\n" },
        { "UG0201", "  type: puma\n  command: [ sudo, -u, deploy, /usr/local/bin/puma ]\n" },
        // Unicorn canonicalises addresses, so a differently spelled IPv6 literal still matches.
        { "UG0105", "  type: unicorn\n  binds: [ \"tcp://[0:0::1]:8080\" ]\nlisten: [ \"tcp://[::1]:8080\" ]\n" },
        // Different families without a dual-stack wildcard do not collide.
        { "UG0106", "  type: puma\nlisten:\n  - tcp://[::1]:9292\n  - tcp://0.0.0.0:9292\n" },
        { "UG0106", "  type: puma\nlisten:\n  - tcp://127.0.0.1:9292\n  - tcp://10.0.0.1:9292\n" },
        { "UG0101", "  type: puma\n  binds: [ \"unix:///run/app/../app/app.sock\" ]\nlisten:\n  - uri: unix:///run/app/app.sock\n    mode: \"0660\"\n" },
        { "UG0402", "  type: puma\n  version: \"6.4.2\"\n  workers: 2\nrestart: phased\n" },
        { "UG0402", "  type: puma\n  version: \"5.6.5\"\n  command: [ /usr/local/bin/puma, -w, \"1\" ]\n  workers: 2\nrestart: phased\n" },
        { "UG0405", "  type: unicorn\n  workers: 2\nrestart: phased\n" },
        { "UG0705", "  type: puma\n" },
        // Without socket activation the environment's addresses are Kestrel's only ones.
        { "UG0110", "  type: kestrel\n  command: [ /srv/app/App ]\n  useSystemd: true\nenvironment:\n  Kestrel__Endpoints__web__Url: \"http://127.0.0.1:5000\"\nlisten: [ \"tcp://127.0.0.1:5000\" ]\nsystemd:\n  socketActivation: false\n" },
        // One socket is fd 3, which every ASP.NET Core version takes.
        { "UG0111", "  type: kestrel\n  version: \"3.1\"\n  command: [ /srv/app/App ]\n  useSystemd: true\nlisten:\n  - tcp://127.0.0.1:5000\n" },
    };

    [Theory]
    [MemberData(nameof(MoreTriggers))]
    public void Rule_fires_at_the_offending_node(string code, string rest, int line, int column)
    {
        var loaded = ModelLoader.Load(Head + rest, "unitgen.yaml");
        Assert.Empty(loaded.Diagnostics);

        var found = Validator.Validate(loaded.Model!, loaded.Map).Where(d => d.Code == code).ToList();

        Assert.Contains(found, d => d.Location.Line == line && d.Location.Column == column);
    }

    [Theory]
    [MemberData(nameof(MoreClean))]
    public void Rule_stays_quiet(string code, string rest)
    {
        var loaded = ModelLoader.Load(Head + rest, "unitgen.yaml");
        Assert.Empty(loaded.Diagnostics);

        var diagnostics = Validator.Validate(loaded.Model!, loaded.Map);

        Assert.DoesNotContain(diagnostics, d => d.Code == code);
    }

    [Theory]
    [InlineData("  type: puma\n  command: bin/puma -C /srv/app/puma.rb\n")]
    [InlineData("  type: puma\n  command: [ /usr/local/bin/puma, -C, ~/puma.rb ]\n")]
    public void UG0203_findings_are_errors(string rest)
    {
        var loaded = ModelLoader.Load(Head + rest, "unitgen.yaml");

        var d = Assert.Single(Validator.Validate(loaded.Model!, loaded.Map), d => d.Code == "UG0203");

        Assert.Equal(Severity.Error, d.Severity);
    }

    [Fact]
    public void UG0402_names_the_variable_that_turned_preload_on()
    {
        var loaded = ModelLoader.Load(Head + "  type: puma\n  version: \"5.6.5\"\n  workers: 2\nenvironment: { WEB_CONCURRENCY: \"3\" }\nrestart: phased\n", "unitgen.yaml");

        var d = Assert.Single(Validator.Validate(loaded.Model!, loaded.Map), d => d.Code == "UG0402");

        Assert.Contains("WEB_CONCURRENCY=3", d.Message, StringComparison.Ordinal);
        Assert.Contains("puma 5.6.5", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UG0101_message_names_the_bind_and_the_sockets()
    {
        var loaded = ModelLoader.Load(Head + "  type: puma\n  binds: [ \"tcp://localhost:9292\" ]\nlisten: [ \"tcp://127.0.0.1:9292\" ]\n", "unitgen.yaml");

        var d = Assert.Single(Validator.Validate(loaded.Model!, loaded.Map), d => d.Code == "UG0101");

        Assert.Contains("tcp://localhost:9292", d.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:9292", d.Message, StringComparison.Ordinal);
        Assert.Contains("EADDRINUSE", d.Message, StringComparison.Ordinal);
    }
    [Theory]
    // Host URLs are only overridden under socket activation (Kestrel logs "Overriding address(es)").
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:5001", Severity.Warning)]
    [InlineData("URLS", "http://127.0.0.1:5001", Severity.Warning)]
    [InlineData("DOTNET_HTTP_PORTS", "5001", Severity.Warning)]
    // Configuration endpoints are bound: an error.
    [InlineData("Kestrel__Endpoints__web__Url", "http://127.0.0.1:5001", Severity.Error)]
    public void UG0110_grades_ignored_urls_below_endpoints_kestrel_binds(string name, string value, Severity severity)
    {
        var loaded = ModelLoader.Load(Head + $"  type: kestrel\n  command: [ /srv/app/App ]\n  useSystemd: true\nenvironment:\n  {name}: \"{value}\"\nlisten: [ \"tcp://127.0.0.1:5000\" ]\n", "unitgen.yaml");

        var d = Assert.Single(Validator.Validate(loaded.Model!, loaded.Map), d => d.Code == "UG0110");

        Assert.Equal(severity, d.Severity);
        Assert.Equal((9, 3), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void UG0110_prefer_hosting_urls_is_one_error_at_that_variable()
    {
        var loaded = ModelLoader.Load(Head + "  type: kestrel\n  command: [ /srv/app/App ]\n  useSystemd: true\nenvironment:\n  ASPNETCORE_URLS: \"http://127.0.0.1:5001\"\n  ASPNETCORE_PREFERHOSTINGURLS: \"1\"\nlisten: [ \"tcp://127.0.0.1:5000\" ]\n", "unitgen.yaml");

        var d = Assert.Single(Validator.Validate(loaded.Model!, loaded.Map), d => d.Code == "UG0110");

        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("INSTEAD", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, Severity.Warning)]
    [InlineData("2.1", Severity.Error)]
    public void UG0111_warns_when_the_aspnetcore_version_is_unknown(string? version, Severity severity)
    {
        var v = version is null ? string.Empty : $"  version: \"{version}\"\n";
        var loaded = ModelLoader.Load(Head + $"  type: kestrel\n{v}  command: [ /srv/app/App ]\n  useSystemd: true\nlisten:\n  - tcp://127.0.0.1:5000\n  - unix:///run/app/app.sock\n", "unitgen.yaml");

        var d = Assert.Single(Validator.Validate(loaded.Model!, loaded.Map), d => d.Code == "UG0111");

        Assert.Equal(severity, d.Severity);
        Assert.Contains("/run/app/app.sock", d.Message, StringComparison.Ordinal);
    }
}
