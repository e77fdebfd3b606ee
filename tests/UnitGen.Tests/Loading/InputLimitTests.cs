using System.Diagnostics;
using System.Text;
using UnitGen.Model.Loading;
using UnitGen.Model.Rules;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Loading;

/// <summary>The loader's limits sit exactly where LoaderCodes says, and the worst model within them is cheap.</summary>
[Trait(Category.Name, Category.Unit)]
public class InputLimitTests
{
    private const string Head = "name: app\nuser: deploy\nserver:\n  type: puma\n";

    [Theory]
    [InlineData(ModelLoader.MaxSockets, false)]
    [InlineData(ModelLoader.MaxSockets + 1, true)]
    public void Listen_takes_at_most_the_socket_limit(int sockets, bool refused)
    {
        var yaml = Head + "listen:\n" + string.Concat(Enumerable.Range(0, sockets).Select(i => $"  - tcp://127.0.0.1:{9000 + i}\n"));

        var loaded = ModelLoader.Load(yaml, "unitgen.yaml");

        Assert.Equal(refused, loaded.Diagnostics.Any(d => d.Code == LoaderCodes.InputLimit));
    }

    [Theory]
    [InlineData(ModelLoader.MaxSockets, false)]
    [InlineData(ModelLoader.MaxSockets + 1, true)]
    public void Binds_take_at_most_the_socket_limit(int sockets, bool refused)
    {
        var yaml = Head + "  binds:\n" + string.Concat(Enumerable.Range(0, sockets).Select(i => $"    - tcp://127.0.0.1:{9000 + i}\n"));

        var loaded = ModelLoader.Load(yaml, "unitgen.yaml");

        Assert.Equal(refused, loaded.Diagnostics.Any(d => d.Code == LoaderCodes.InputLimit));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void A_document_holds_at_most_the_value_limit(int over, bool refused)
    {
        // Values: the root mapping 1, name 2, user 2, server 2 + type 2, command 2 + its words,
        // environment 2 + 2 per variable: 2,000 variables and 83 words make exactly the limit.
        const int variables = 2000;
        var words = ModelLoader.MaxNodes - 13 - (2 * variables) + over;
        var yaml = new StringBuilder(Head)
            .Append("  command: [ /usr/bin/puma").Append(string.Concat(Enumerable.Repeat(", x", words - 1))).Append(" ]\n")
            .Append("environment:\n");
        for (var i = 0; i < variables; i++)
        {
            yaml.Append("  V").Append(i).Append(": x\n");
        }

        var loaded = ModelLoader.Load(yaml.ToString(), "unitgen.yaml");

        Assert.Equal(refused, loaded.Diagnostics.Any(d => d.Code == LoaderCodes.InputLimit));
    }

    [Fact]
    public void The_costliest_model_within_the_limits_is_judged_in_a_fraction_of_a_second()
    {
        // 64 unix sockets and 64 binds feed the pairwise socket rules; the rest of the values are variables.
        var yaml = new StringBuilder(Head.Replace("  type: puma\n", "  type: puma\n  binds:\n", StringComparison.Ordinal));
        for (var i = 0; i < ModelLoader.MaxSockets; i++)
        {
            yaml.Append("    - unix:///run/app/./x/../").Append(i).Append(".sock\n");
        }

        yaml.Append("listen:\n");
        for (var i = 0; i < ModelLoader.MaxSockets; i++)
        {
            // A mode that keeps the proxy out, so UG0108 judges every socket too.
            yaml.Append("  - { uri: \"unix:///run/app/").Append(i).Append(".sock\", mode: \"0600\" }\n");
        }

        yaml.Append("environment:\n");
        for (var i = 0; i < 1900 - (2 * ModelLoader.MaxSockets); i++)
        {
            yaml.Append("  V").Append(i).Append(": x\n");
        }

        var clock = Stopwatch.StartNew();
        var loaded = ModelLoader.Load(yaml.ToString(), "unitgen.yaml");
        var diagnostics = Validator.Validate(loaded);
        clock.Stop();

        Assert.DoesNotContain(loaded.Diagnostics, d => d.Code == LoaderCodes.InputLimit);
        Assert.NotEmpty(diagnostics);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"took {clock.ElapsedMilliseconds} ms");
    }
}
