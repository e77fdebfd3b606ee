using System.Text;
using UnitGen.Formats.Ruby;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Emitters;

/// <summary>Real Ruby 3.1 parses every literal RubyWriter makes and reads back the exact bytes.</summary>
[Trait(Category.Name, Category.RealTool)]
public class RubyWriterRealToolTests
{
    private static readonly string[] Hostile =
    [
        "plain", "", "#{system('id')}", "#@ivar #$gvar #@@cvar", "\\", "\\\"", "\"", "'", "#", "#{", "}",
        "%q(x)", "$HOME", "`id`", "ünïcødé ✓ 𝄞", "\0", "\n\r\t\e\a\b\f\v", "\x7f", "\u0085\u2028\u2029",
        "\\u{41}", "\\x41", "__END__", "=begin",
    ];

    [Fact]
    public void Hostile_and_random_strings_read_back_exactly_in_real_ruby()
    {
        // Property-style: the fixed hostile set plus random strings over an alphabet of Ruby's
        // special characters, control characters and multi-byte text.
        const string alphabet = "aZ09 #{}@$\\\"'`%()\n\t\0\x1b\x7féü✓\U0001d11e";
        var random = new Random(20251122);
        var runes = alphabet.EnumerateRunes().ToArray();
        var values = Hostile.Concat(Enumerable.Range(0, 300).Select(_ =>
            string.Concat(Enumerable.Range(0, random.Next(0, 16)).Select(_ => runes[random.Next(runes.Length)].ToString())))).ToList();
        using var dir = new TempFolder();
        var program = dir.Write("values.rb", "[\n" + string.Join(",\n", values.Select(RubyWriter.String)) + "\n].each { |s| puts s.unpack1('H*') }\n");

        var syntax = ExternalTool.Run("ruby", ["-c", program]);
        var run = ExternalTool.Run("ruby", [program]);

        Assert.Equal("Syntax OK", syntax.Stdout.Trim());
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(values.Select(v => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(v))), run.Stdout.Split('\n', StringSplitOptions.None)[..^1]);
    }

    [Fact]
    public void Integer_and_boolean_literals_are_ruby_values()
    {
        using var dir = new TempFolder();
        var program = dir.Write("values.rb", $"p [{RubyWriter.Integer(-3)}, {RubyWriter.Integer(int.MaxValue)}, {RubyWriter.Boolean(true)}, {RubyWriter.Boolean(false)}]\n");

        Assert.Equal("[-3, 2147483647, true, false]", ExternalTool.Run("ruby", [program]).Stdout.Trim());
    }
}
