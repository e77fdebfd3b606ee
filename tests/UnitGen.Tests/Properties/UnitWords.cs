using System.Text;

namespace UnitGen.Tests.Properties;

/// <summary>
/// systemd's <c>extract_first_word(…, EXTRACT_UNQUOTE)</c> (src/basic/extract-word.c) for list settings
/// such as ReadWritePaths=: words split at blanks, single or double quotes removed, a backslash takes
/// the next character literally.
/// </summary>
public static class UnitWords
{
    public static List<string> Split(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length)
            {
                word.Append(value[++i]);
                inWord = true;
            }
            else if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (c is ' ' or '\t')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        Assert.True(quote is null, $"unclosed quote in `{value}`");
        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
