using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace UnitGen.Tests.Properties;

/// <summary>
/// How a generated value is planted into <c>unitgen.yaml</c>: a YAML double-quoted scalar whose
/// escapes give back exactly the value (C0 and C1 controls, line separators, BOM and lone surrogates as
/// <c>\x</c>/<c>\u</c> escapes), or — for word-like values — a plain scalar, so that YAML's own typing
/// (<c>yes</c>, <c>1e3</c>, <c>0660</c>) is exercised too.
/// </summary>
public static partial class YamlScalar
{
    public static string Write(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // Every other word-like value plain; the null words would mean "absent", not the text.
        if (value.Length % 2 == 1 && PlainSafe().IsMatch(value) && value is not ("null" or "Null" or "NULL" or "~"))
        {
            return value;
        }

        var s = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                s.Append(c).Append(value[++i]);
                continue;
            }

            s.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                // C0, DEL and C1 controls are not YAML printable characters (YAML 1.2 §5.1): raw, the
                // loader refuses them with UG0001; escaped, they are values like any other.
                < ' ' or (>= '\u007f' and <= '\u009f') => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                // U+FFFE and U+FFFF are outside YAML's printable set too (refused raw, UG0001).
                '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff' => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ when char.IsSurrogate(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return s.Append('"').ToString();
    }

    [GeneratedRegex(@"^[A-Za-z0-9/][A-Za-z0-9._/-]*\z")]
    private static partial Regex PlainSafe();
}
