using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace UnitGen.Tests.Properties;

/// <summary>
/// The hostile string generator: values built from pieces that break line-based, quoted or
/// interpolating formats (newline, CR, NUL and other controls, <c>%</c> specifiers, <c>$</c>, backticks,
/// quotes, backslashes, <c>#{}</c>, YAML words, Unicode blanks, lone surrogates, long runs), mixed
/// with plain text so that a fair share of cases is valid and reaches the emitters.
/// </summary>
public static class HostileStrings
{
    private static readonly string[] Tokens =
    [
        "\n", "\r", "\r\n", "\0", "\t", "\v", "\f", "\u001b", "\u007f", "\u0085", "\u2028", "\u2029",
        "%", "%n", "%h", "%%", "%i", "$", "$HOME", "${HOME}", "$$", "$(id)", "`id`", "'", "''", "\"", "\\", "\\n", "\\x41",
        "#{system('id')}", "#{`id`}", "#@x", "#", "# c", ";", "\\;", " ", "  ", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u200b",
        "é", "ünï", "✓", "𝄞", "\ud800", "\udc00", "-", "@", "+", "!", ":", "=", ".", "..", "/", "//", "/../", "/./", "~",
        "*", "?", "[", "]", "{", "}", "(", ")", "|", "&", "<", ">", "__END__", "=begin", "\\u{41}",
        "yes", "no", "on", "off", "true", "null", "~", "1e3", "0x1F", "0660", "5.6.5", ".inf", "0o17",
        "unix://", "tcp://", "unix:///", "tcp://127.0.0.1:9292", "[::1]", "append:", "file:", "journal",
    ];

    private static readonly string[] Words = ["deploy", "www-data", "app", "srv", "var", "log", "puma", "x", "A_B", "9292"];

    /// <summary>One piece: a hostile token, a plain word, or a random character (any plane).</summary>
    private static readonly Gen<string> Piece = Gen.Frequency(
        (5, Gen.Elements(Tokens)),
        (3, Gen.Elements(Words)),
        (2, Gen.Choose(0x20, 0x7e).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0, 0x2ffff).Where(c => c is < 0xd800 or > 0xdfff).Select(char.ConvertFromUtf32)));

    /// <summary>Most values are short; a few are very long (up to 1.1 MiB, past the model limit).</summary>
    public static readonly Gen<string> Any = Gen.Frequency(
        (90, Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(Piece, n)).Select(string.Concat)),
        (8, Gen.Elements(Tokens)),
        (2, Gen.Zip(Gen.Elements(Tokens.Concat(Words)), Gen.Elements(1_000, 40_000, 300_000, 1_100_000))
            .Select(t => Repeat(t.Item1, t.Item2))));

    /// <summary>A hostile value behind a prefix that makes the field plausible (an absolute path, a unit name).</summary>
    public static Gen<string> After(string prefix) => Gen.Frequency((3, Any.Select(v => prefix + v)), (1, Any));

    /// <summary>A hostile value in front of a suffix (<c>.service</c>).</summary>
    public static Gen<string> Before(string suffix) => Gen.Frequency((3, Any.Select(v => v + suffix)), (1, Any));

    /// <summary>Shrinks toward shorter strings: halves, then each single character removed (bounded).</summary>
    public static IEnumerable<string> Shrink(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 1)
        {
            yield return value[..(value.Length / 2)];
            yield return value[(value.Length / 2)..];
        }

        for (var i = 0; i < Math.Min(value.Length, 64); i++)
        {
            yield return value.Remove(i, 1);
        }
    }

    /// <summary>The value as a readable C# literal for failure messages (controls and surrogates escaped, long runs cut).</summary>
    public static string Show(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var s = new StringBuilder("\"");
        foreach (var c in value.Length > 300 ? value[..300] : value)
        {
            s.Append(c is < ' ' or '\u007f' or '"' or '\\' || char.IsSurrogate(c) || char.IsWhiteSpace(c) && c != ' '
                ? $"\\u{(int)c:x4}"
                : c.ToString());
        }

        return s.Append(value.Length > 300 ? $"…\" ({value.Length} chars)" : "\"").ToString();
    }

    private static string Repeat(string piece, int length)
    {
        var s = new StringBuilder(length + piece.Length);
        while (s.Length < length)
        {
            s.Append(piece);
        }

        return s.ToString();
    }
}
