using UnitGen.Model.Loading;
using UnitGen.Model.Rules;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Rules;

/// <summary>
/// A worker's command and config reach its unit's ExecStart like the server's (the field table gives
/// <c>processes.*.command</c> and <c>processes.*.config</c> their text uses), so the hygiene rules check them too.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public class ProcessHygieneTests
{
    /// <summary>Lines 1-8; the worker's key under test is line 9.</summary>
    private const string Head = "name: app\nuser: deploy\ndirectory: /srv/app\nserver:\n  type: puma\nprocesses:\n  worker:\n    type: sidekiq\n";

    private static readonly string Huge = new('x', 131072);

    private static readonly string JustFits = new('x', 131066);

    public static TheoryData<string, string, int, int> Triggers => new()
    {
        { "UG0701", "    command: [ /usr/bin/sidekiq, \"-r\\u0007x\" ]\n", 9, 14 },
        { "UG0701", "    config: \"/srv/app/config/sidekiq\\nExecStartPre=/bin/true\"\n", 9, 13 },
        { "UG0723", "    command: [ /usr/bin/. ]\n", 9, 14 },
        { "UG0723", "    config: /srv/app/../config/sidekiq.yml\n", 9, 13 },
        { "UG0510", "    command: [ /usr/bin/sidekiq, -r, \"" + Huge + "\" ]\n", 9, 14 },
        // More words than a YAML list may hold (UG0007): the command as one string, split like the server's.
        { "UG0510", "    command: sidekiq" + string.Concat(Enumerable.Repeat(" x", 120_000)) + "\n", 9, 14 },
    };

    public static TheoryData<string, string> Clean => new()
    {
        { "UG0701", "    command: [ /usr/bin/sidekiq, \"-r\\\\x\" ]\n" },
        { "UG0701", "    config: \"/srv/app/config/sidekiq 100% $x.yml\"\n" },
        { "UG0723", "    command: [ /usr/bin/sidekiq ]\n" },
        { "UG0723", "    config: /srv/app/./config//sidekiq.yml\n" },
        { "UG0510", "    command: [ sidekiq, -r, \"" + JustFits + "\" ]\n" },
        { "UG0510", "    command: sidekiq" + string.Concat(Enumerable.Repeat(" x", 1000)) + "\n" },
    };

    [Theory]
    [MemberData(nameof(Triggers))]
    public void A_worker_value_that_breaks_its_unit_is_reported_at_its_key(string code, string rest, int line, int column)
    {
        var loaded = ModelLoader.Load(Head + rest, "unitgen.yaml");
        Assert.Empty(loaded.Diagnostics);

        var found = Validator.Validate(loaded.Model!, loaded.Map).Where(d => d.Code == code).ToList();

        Assert.Contains(found, d => d.Location.Line == line && d.Location.Column == column && d.Path!.StartsWith("processes.worker.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Clean))]
    public void The_near_twin_that_fits_is_clean(string code, string rest)
    {
        var loaded = ModelLoader.Load(Head + rest, "unitgen.yaml");
        Assert.Empty(loaded.Diagnostics);

        Assert.DoesNotContain(Validator.Validate(loaded.Model!, loaded.Map), d => d.Code == code);
    }
}
