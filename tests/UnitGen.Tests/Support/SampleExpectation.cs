using System.Globalization;
using System.Text.RegularExpressions;

namespace UnitGen.Tests.Support;

/// <summary>
/// The first line of every bad model under samples/invalid names the diagnostic it must produce:
/// <c># expect: UG0101 at 12:7</c>. One reader for the library and the CLI tests.
/// </summary>
public sealed partial record SampleExpectation(string Code, int Line, int Column)
{
    /// <summary>Every bad model, as a path relative to samples/invalid (subfolders included).</summary>
    public static IEnumerable<string> InvalidSamples =>
        Directory.EnumerateFiles(RepoPaths.InvalidSamples, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.InvalidSamples, f))
            .Order(StringComparer.Ordinal);

    /// <summary>The expectation of a sample; fails the test when the header is missing or malformed.</summary>
    public static SampleExpectation Of(string path)
    {
        var match = Header().Match(File.ReadLines(path).First());
        Assert.True(match.Success, $"{path} must start with `# expect: CODE at LINE:COL`");
        return new SampleExpectation(
            match.Groups["code"].Value,
            int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["col"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^# expect: (?<code>UG\d{4}) at (?<line>\d+):(?<col>\d+)$")]
    private static partial Regex Header();
}
