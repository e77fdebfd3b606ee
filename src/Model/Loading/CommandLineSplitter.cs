using System.Collections.Immutable;
using System.Text;

namespace UnitGen.Model.Loading;

/// <summary>
/// Splits the string form of <c>server.command</c> into argv the way a POSIX shell splits words
/// (blanks, single and double quotes, backslash), with no expansion: the result is exec'd, not evaluated.
/// </summary>
internal static class CommandLineSplitter
{
    /// <returns>The words, or null when a quote is not closed.</returns>
    public static ImmutableArray<string>? Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = ImmutableArray.CreateBuilder<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case ' ' or '\t':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    continue;
                case '\'':
                    var close = text.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        return null;
                    }

                    word.Append(text, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    var j = i + 1;
                    for (; j < text.Length && text[j] != '"'; j++)
                    {
                        if (text[j] == '\\' && j + 1 < text.Length && text[j + 1] is '"' or '\\' or '$' or '`')
                        {
                            j++;
                        }

                        word.Append(text[j]);
                    }

                    if (j >= text.Length)
                    {
                        return null;
                    }

                    i = j;
                    break;
                case '\\' when i + 1 < text.Length:
                    word.Append(text[++i]);
                    break;
                default:
                    word.Append(c);
                    break;
            }

            inWord = true;
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words.ToImmutable();
    }
}
