using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace UnitGen.Formats.Systemd;

/// <summary>
/// One <c>ExecStart=</c>-style command line as systemd reads it (systemd.service(5) "Command lines"):
/// optional prefixes (<c>@ - : + !</c>), then words unquoted per systemd.syntax(7) "Quoting" with
/// C-style escapes. <c>$$</c> is a literal dollar; other <c>$</c> start a variable reference.
/// </summary>
public sealed record ExecCommandLine(string Prefixes, ImmutableArray<string> Words, ImmutableArray<bool> WordHasVariable)
{
    public string? Program => Words.IsEmpty ? null : Words[0];

    /// <summary>
    /// The words unquoted but with <c>$</c> as written: <c>$$</c> still doubled, <c>$NAME</c> and
    /// <c>${NAME}</c> still references. Import substitutes from these (systemd.service(5) "Command lines").
    /// </summary>
    public ImmutableArray<string> RawWords { get; init; } = [];

    /// <returns>The command line, or null with a reason when systemd would refuse it.</returns>
    public static ExecCommandLine? Parse(string value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = UnitSpecifiers.UnescapePercent(value).TrimStart();
        var prefixEnd = 0;
        while (prefixEnd < text.Length && text[prefixEnd] is '@' or '-' or ':' or '+' or '!')
        {
            prefixEnd++;
        }

        var words = ImmutableArray.CreateBuilder<string>();
        var variables = ImmutableArray.CreateBuilder<bool>();
        var raw = ImmutableArray.CreateBuilder<string>();
        var i = prefixEnd;
        while (true)
        {
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var word = new StringBuilder();
            char? quote = null;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (quote is null && c is ' ' or '\t')
                {
                    break;
                }

                if (quote is null && c is '"' or '\'' && word.Length == 0 && (i == prefixEnd || text[i - 1] is ' ' or '\t'))
                {
                    quote = c;
                    continue;
                }

                if (quote == c)
                {
                    quote = null;
                    if (i + 1 < text.Length && text[i + 1] is not (' ' or '\t'))
                    {
                        error = $"A closing quote must be followed by a blank (column {i + 1}).";
                        return null;
                    }

                    continue;
                }

                if (c == '\\')
                {
                    if (!Unescape(text, ref i, word))
                    {
                        error = $"Unknown escape `\\{(i + 1 < text.Length ? text[i + 1] : ' ')}` (column {i + 1}).";
                        return null;
                    }

                    continue;
                }

                word.Append(c);
            }

            if (quote is not null)
            {
                error = "A quote is not closed.";
                return null;
            }

            raw.Add(word.ToString());
            var (literal, hasVariable) = ResolveDollars(word.ToString());
            words.Add(literal);
            variables.Add(hasVariable);
        }

        error = words.Count == 0 ? "The command line is empty." : null;
        return words.Count == 0 ? null : new ExecCommandLine(text[..prefixEnd], words.ToImmutable(), variables.ToImmutable()) { RawWords = raw.ToImmutable() };
    }

    /// <summary><c>$$</c> → <c>$</c>; any other <c>$</c> is a variable systemd substitutes at start.</summary>
    private static (string Literal, bool HasVariable) ResolveDollars(string word)
    {
        var text = new StringBuilder(word.Length);
        var hasVariable = false;
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] == '$')
            {
                if (i + 1 < word.Length && word[i + 1] == '$')
                {
                    i++;
                }
                else
                {
                    hasVariable = true;
                }
            }

            text.Append(word[i]);
        }

        return (text.ToString(), hasVariable);
    }

    private static bool Unescape(string text, ref int i, StringBuilder word)
    {
        if (i + 1 >= text.Length)
        {
            return false;
        }

        var c = text[++i];
        switch (c)
        {
            case 'a': word.Append('\a'); return true;
            case 'b': word.Append('\b'); return true;
            case 'f': word.Append('\f'); return true;
            case 'n': word.Append('\n'); return true;
            case 'r': word.Append('\r'); return true;
            case 't': word.Append('\t'); return true;
            case 'v': word.Append('\v'); return true;
            case 's': word.Append(' '); return true;
            case '\\' or '"' or '\'' or ';': word.Append(c); return true;
            case 'x': return Code(text, ref i, 2, 16, word);
            case 'u': return Code(text, ref i, 4, 16, word);
            case 'U': return Code(text, ref i, 8, 16, word);
            case >= '0' and <= '7':
                i--;
                return Code(text, ref i, 3, 8, word);
            default: return false;
        }
    }

    private static bool Code(string text, ref int i, int digits, int radix, StringBuilder word)
    {
        if (i + digits >= text.Length)
        {
            return false;
        }

        var s = text.Substring(i + 1, digits);
        try
        {
            var value = radix == 16
                ? int.Parse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
                : Convert.ToInt32(s, 8);
            word.Append(char.ConvertFromUtf32(value));
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            return false;
        }

        i += digits;
        return true;
    }
}
