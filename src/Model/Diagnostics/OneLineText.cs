using System.Globalization;
using System.Text;

namespace UnitGen.Model.Diagnostics;

/// <summary>
/// Keeps a diagnostic on one printable line. Messages quote model values, and a value may hold a
/// newline, CR, another control character, a Unicode line separator or a lone surrogate: printed
/// raw, it would break the MSBuild canonical line (`file(l,c): error CODE: message`) that editors
/// and CI parse, or forge a second diagnostic line. Such characters are written as escapes.
/// </summary>
internal static class OneLineText
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var s = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                s.Append(c).Append(text[++i]);
                continue;
            }

            s.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when NeedsEscape(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return s.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029';
}
