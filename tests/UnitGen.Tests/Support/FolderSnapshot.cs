using System.Text;

namespace UnitGen.Tests.Support;

/// <summary>
/// Every file below a folder as one line of relative path and mode, then its text, in ordinal order:
/// two runs' output folders compare as two lists, extra and missing files included. Text is decoded
/// strictly, so a byte that is not UTF-8 fails the test instead of turning into U+FFFD on both sides.
/// </summary>
public static class FolderSnapshot
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<string> Of(string dir) =>
        [.. Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(dir, f)} {Convert.ToString((int)File.GetUnixFileMode(f), 8)}\n{StrictUtf8.GetString(File.ReadAllBytes(f))}")];
}
