using System.Text.RegularExpressions;
using UnitGen.Lint;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Lint;

/// <summary>
/// tests/lint-corpus: hand-written configs in the shapes blog posts and generators produce, broken
/// and clean. Each folder's expected.txt lists `file(line,col) CODE` for every finding, reviewed.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public partial class LintCorpusTests
{
    public static string Corpus => Path.Combine(RepoPaths.Root, "tests", "lint-corpus");

    public static IEnumerable<string> EntryNames => Directory.GetDirectories(Corpus).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal);

    public static TheoryData<string> Entries => [.. EntryNames];

    internal static IReadOnlyList<LintFile> Files(string entry) =>
    [
        .. Directory.GetFiles(Path.Combine(Corpus, entry)).Where(f => Path.GetFileName(f) != "expected.txt").Order(StringComparer.Ordinal)
            .Select(f => new LintFile(f, LintFile.KindOf(f)!.Value, File.ReadAllText(f), File.GetUnixFileMode(f))),
    ];

    [Theory]
    [MemberData(nameof(Entries))]
    public void Lint_reports_exactly_the_expected_findings(string entry)
    {
        var dir = Path.Combine(Corpus, entry) + "/";

        var found = Linter.Lint(Files(entry))
            .Select(d => $"{d.Location.ToString().Replace(dir, string.Empty, StringComparison.Ordinal)} {d.Code}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(File.ReadAllLines(Path.Combine(dir, "expected.txt")).Order(StringComparer.Ordinal), found);
    }

    [Fact]
    public void Corpus_has_at_least_25_entries_with_broken_and_clean_ones()
    {
        var expected = EntryNames.Select(e => File.ReadAllText(Path.Combine(Corpus, e, "expected.txt"))).ToList();

        Assert.True(expected.Count >= 25);
        Assert.Contains(expected, e => e.Length == 0);
        Assert.True(expected.Count(e => e.Contains(" UG", StringComparison.Ordinal)) >= 20);
    }
}

/// <summary>systemd itself on the corpus: every warning `systemd-analyze verify` prints, lint reports too.</summary>
[Trait(Category.Name, Category.RealTool)]
public partial class LintCorpusVerifyTests
{
    /// <summary>Warnings lint does not reproduce, and why.</summary>
    private static readonly (Regex Pattern, string Why)[] Exempt =
    [
        (new Regex(@"Command \S+ is not executable", RegexOptions.None, TimeSpan.FromSeconds(1)),
            "depends on the machine the unit is verified on, not on the file; lint runs anywhere"),
    ];

    [Fact]
    public void Every_systemd_analyze_verify_warning_on_the_corpus_is_reported_by_lint()
    {
        var covered = 0;
        foreach (var entry in LintCorpusTests.EntryNames)
        {
            var files = LintCorpusTests.Files(entry);
            var units = files.Where(f => f.IsUnit).Select(f => f.Path).ToList();
            if (units.Count == 0)
            {
                continue;
            }

            var findings = Linter.Lint(files);
            var verify = ExternalTool.Run("systemd-analyze", ["verify", "--man=no", .. units]);
            foreach (var line in verify.Output.Split('\n').Where(l => units.Any(u => l.Contains(u, StringComparison.Ordinal) || l.StartsWith(Path.GetFileName(u) + ":", StringComparison.Ordinal))))
            {
                if (Exempt.Any(e => e.Pattern.IsMatch(line)))
                {
                    continue;
                }

                var at = AtLine().Match(line);
                var reported = at.Success
                    ? findings.Any(d => d.Location.File == at.Groups["file"].Value && d.Location.Line == int.Parse(at.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture))
                    : line.Contains("marked executable", StringComparison.Ordinal) && findings.Any(d => d.Code == "UG0706");
                Assert.True(reported, $"{entry}: lint misses `{line}`");
                covered++;
            }
        }

        Assert.True(covered >= 9, $"only {covered} verify warnings in the corpus");
    }

    [GeneratedRegex(@"^(?<file>/\S+?):(?<line>\d+): ")]
    private static partial Regex AtLine();
}
