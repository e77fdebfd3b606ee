using System.Text;
using UnitGen.Formats.Shell;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Emitters;

/// <summary>A real POSIX sh (dash) reads back every value ShellWriter quotes; shellcheck accepts the script.</summary>
[Trait(Category.Name, Category.RealTool)]
public class ShellWriterRealToolTests
{
    [Fact]
    public void Hostile_and_random_values_read_back_exactly_in_sh()
    {
        // No NUL: no shell variable can hold one. Everything else, newlines included, must survive.
        const string alphabet = "aZ09 '\"\\$`!*?[]{}()<>|&;#~=%\n\téü✓\U0001d11e";
        var runes = alphabet.EnumerateRunes().ToArray();
        var random = new Random(20251122);
        string[] hostile = ["", "it's", "'", "''", "$HOME", "$(id)", "`id`", "\\", "a\nb", "-n", "*", "~", "#x", "ünïcødé 𝄞"];
        var values = hostile.Concat(Enumerable.Range(0, 300).Select(_ =>
            string.Concat(Enumerable.Range(0, random.Next(0, 16)).Select(_ => runes[random.Next(runes.Length)].ToString())))).ToList();
        var script = new ShellWriter("t");
        script.Line("for a in", [.. values]);
        script.Line("do printf '%s' \"$a\" | od -An -v -tx1 | tr -d ' \\n'; echo; done");
        using var dir = new TempFolder();
        var file = dir.Write("run", script.ToString());

        var run = ExternalTool.Run("sh", [file]);
        var check = ExternalTool.Run("shellcheck", ["--shell=sh", file]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(values.Select(v => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(v))), run.Stdout.Split('\n')[..^1]);
        Assert.True(check.ExitCode == 0, check.Output);
    }
}
