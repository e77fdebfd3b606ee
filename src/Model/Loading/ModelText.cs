using System.Text;

namespace UnitGen.Model.Loading;

/// <summary>
/// The bytes of a model file as text, strictly: UTF-8 only (an optional BOM), and only the characters
/// YAML 1.2 allows in a stream (c-printable). YamlDotNet 16.3 lets a raw control character through into
/// a value and File.ReadAllText turns a bad byte into U+FFFD; both would reach generated files silently.
/// </summary>
internal static class ModelText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A place in the text where it stops being a YAML stream, and why.</summary>
    public sealed record Flaw(int Line, int Column, string Message);

    /// <summary>The text, or the first byte sequence that is not UTF-8.</summary>
    public static (string? Text, Flaw? Flaw) Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var start = bytes.AsSpan().StartsWith(Strict.Preamble) ? Strict.Preamble.Length : 0;
        try
        {
            return (Strict.GetString(bytes, start, bytes.Length - start), null);
        }
        catch (DecoderFallbackException e)
        {
            // Everything before the bad byte decoded; count lines and columns in it as YamlDotNet does.
            var bad = start + Math.Max(0, e.Index);
            var lineStart = bytes.AsSpan(start, bad - start).LastIndexOf((byte)'\n') + 1 + start;
            var line = bytes.AsSpan(start, bad - start).Count((byte)'\n') + 1;
            var column = Strict.GetCharCount(bytes, lineStart, bad - lineStart) + 1;
            return (null, new Flaw(line, column, $"byte 0x{bytes[bad]:X2} is not UTF-8 text; the model must be UTF-8."));
        }
    }

    /// <summary>The first character YAML does not allow in a stream (C0 but tab/LF/CR, DEL, C1 but NEL, U+FFFE/U+FFFF).</summary>
    public static Flaw? FirstNonPrintable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (!IsPrintable(c))
            {
                return new Flaw(line, i - lineStart + 1,
                    $"character U+{(int)c:X4} is not allowed in a YAML file (a control character).");
            }
        }

        return null;
    }

    // Surrogates stay: strict decoding leaves only well-formed pairs (characters above U+FFFF).
    private static bool IsPrintable(char c) =>
        c is '\t' or '\n' or '\r' or (>= ' ' and <= '~') or '\u0085' or (>= '\u00A0' and <= '\uFFFD');
}
