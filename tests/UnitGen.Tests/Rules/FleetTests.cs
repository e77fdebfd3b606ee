using UnitGen.Model.Loading;
using UnitGen.Model.Rules;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Rules;

/// <summary>UG0106 across models meant for one host: each clash is reported in the later model.</summary>
[Trait(Category.Name, Category.Unit)]
public class FleetTests
{
    private static LoadResult Service(string name, string listen) =>
        ModelLoader.Load($"name: {name}\nuser: deploy\ndirectory: /srv/{name}\nserver: {{ type: puma }}\nlisten:\n  - {listen}\n", $"{name}.yaml");

    [Fact]
    public void Two_services_on_one_port_collide_in_the_second()
    {
        var a = Service("a", "\"9292\"");
        var b = Service("b", "tcp://127.0.0.1:9292");

        var found = Validator.ValidateFleet([(a.Model!, a.Map), (b.Model!, b.Map)]);

        var d = Assert.Single(found);
        Assert.Equal("UG0106", d.Code);
        Assert.Equal("b.yaml", d.Location.File);
        Assert.Equal((6, 5), (d.Location.Line, d.Location.Column));
        Assert.Contains("`a`", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Services_on_distinct_ports_and_paths_do_not_collide()
    {
        var a = Service("a", "tcp://127.0.0.1:9292");
        var b = Service("b", "tcp://127.0.0.1:9293");
        var c = Service("c", "unix:///run/c/c.sock");

        Assert.Empty(Validator.ValidateFleet([(a.Model!, a.Map), (b.Model!, b.Map), (c.Model!, c.Map)]));
    }

    [Fact]
    public void The_same_unix_path_in_two_services_collides()
    {
        var a = Service("a", "unix:///run/shared/app.sock");
        var b = Service("b", "unix:///run/shared//app.sock");

        Assert.Single(Validator.ValidateFleet([(a.Model!, a.Map), (b.Model!, b.Map)]), d => d.Code == "UG0106");
    }
}
