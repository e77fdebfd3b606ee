using System.Text.RegularExpressions;
using UnitGen.Lint;
using UnitGen.Tests.Support;
using Xunit.Abstractions;

namespace UnitGen.Tests.Lint;

/// <summary>
/// tests/lint-corpus: configs in the shapes of real public ones (each entry's expected.txt names the repository,
/// path and commit it is modeled on), broken and clean. expected.txt lists the findings lint must produce as
/// `file(line,col) CODE` (column optional; `file CODE` for a finding about the whole file) and, prefixed with `!`,
/// findings it must not produce; `#` lines are comments. Every finding not listed counts as false.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public partial class LintCorpusTests(ITestOutputHelper output)
{
    private const double MinimumPrecision = 0.95;
    private const double MinimumRecall = 0.90;

    public static string Corpus => Path.Combine(RepoPaths.Root, "tests", "lint-corpus");

    public static IEnumerable<string> EntryNames => Directory.GetDirectories(Corpus).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal);

    public static TheoryData<string> Entries => [.. EntryNames];

    /// <summary>The files of an entry that lint reads (kind by name and content), without expected.txt.</summary>
    internal static IReadOnlyList<LintFile> Files(string entry) => Read(entry).Files;

    internal static LintInputs Read(string entry) =>
        LintInput.Read(Directory.GetFiles(Path.Combine(Corpus, entry), "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "expected.txt").Order(StringComparer.Ordinal), findGemfileLock: false);

    /// <summary>What lint reports for an entry, as `file(line) CODE` keys relative to the entry.</summary>
    public static IReadOnlyList<string> Found(string entry)
    {
        var dir = Path.Combine(Corpus, entry) + "/";
        var inputs = Read(entry);
        return [.. inputs.Problems.AddRange(Linter.Lint(inputs.Files)).Select(d => Key(d.Location.File.Replace(dir, string.Empty, StringComparison.Ordinal), d.Location.Line, d.Code)).Distinct()];
    }

    [Fact]
    public void Lint_finds_the_corpus_mistakes_with_at_least_95_percent_precision_and_90_percent_recall()
    {
        var truePositives = 0;
        var missed = new List<string>();
        var wrong = new List<string>();
        var forbidden = new List<string>();
        foreach (var entry in EntryNames)
        {
            var (must, mustNot) = Expected(entry);
            var found = Found(entry);
            truePositives += found.Count(must.Contains);
            missed.AddRange(must.Where(m => !found.Contains(m)).Select(m => $"{entry}: {m}"));
            wrong.AddRange(found.Where(f => !must.Contains(f)).Select(f => $"{entry}: {f}"));
            forbidden.AddRange(found.Where(mustNot.Contains).Select(f => $"{entry}: {f}"));
        }

        var precision = truePositives / (double)Math.Max(1, truePositives + wrong.Count);
        var recall = truePositives / (double)Math.Max(1, truePositives + missed.Count);
        var report = $"corpus: {EntryNames.Count()} entries, {truePositives + missed.Count} expected findings; " +
            $"precision {precision:P1} ({truePositives}/{truePositives + wrong.Count}), recall {recall:P1} ({truePositives}/{truePositives + missed.Count})\n" +
            $"missed:\n  {string.Join("\n  ", missed)}\nfalse:\n  {string.Join("\n  ", wrong)}";
        output.WriteLine(report);

        Assert.True(precision >= MinimumPrecision && recall >= MinimumRecall, report);
        Assert.True(forbidden.Count == 0, $"findings an entry says must not appear:\n{string.Join('\n', forbidden)}");
    }

    [Fact]
    public void Corpus_has_at_least_60_entries_modeled_on_real_files_broken_and_clean()
    {
        var entries = EntryNames.Select(e => (Name: e, Text: File.ReadAllText(Path.Combine(Corpus, e, "expected.txt")), Expected(e).Must)).ToList();

        Assert.True(entries.Count >= 60, $"{entries.Count} entries");
        Assert.Contains(entries, e => e.Must.Count == 0);
        Assert.True(entries.Count(e => e.Must.Count > 0) >= 40);
        var modeled = entries.Count(e => e.Text.Contains("# modeled on: https://github.com/", StringComparison.Ordinal));
        Assert.True(modeled >= 33, $"only {modeled} entries name the public file they are modeled on");
    }

    /// <summary>The must and must-not findings of an entry, as `file(line) CODE` keys.</summary>
    public static (HashSet<string> Must, HashSet<string> MustNot) Expected(string entry)
    {
        var must = new HashSet<string>(StringComparer.Ordinal);
        var mustNot = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(Path.Combine(Corpus, entry, "expected.txt")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var negated = line.StartsWith('!');
            var m = ExpectedLine().Match(negated ? line[1..].Trim() : line);
            Assert.True(m.Success, $"{entry}/expected.txt: cannot read `{raw}`");
            var key = Key(m.Groups["file"].Value, m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0, m.Groups["code"].Value);
            (negated ? mustNot : must).Add(key);
        }

        return (must, mustNot);
    }

    private static string Key(string file, int line, string code) => line > 0 ? $"{file}({line}) {code}" : $"{file} {code}";

    [GeneratedRegex(@"^(?<file>[^\s(]+)(\((?<line>\d+)(,\d+)?\))?\s+(?<code>UG\d{4})$")]
    private static partial Regex ExpectedLine();
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
                var fatal = FatalUnit().Match(line);
                var reported = at.Success
                    ? findings.Any(d => d.Location.File == at.Groups["file"].Value && d.Location.Line == int.Parse(at.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture))
                    : fatal.Success
                    // systemd's summary of a refused unit names no line; the cause has its own line above
                    // (or none, e.g. a relative WorkingDirectory=): lint must call that unit an error.
                    ? findings.Any(d => d.IsError && Path.GetFileName(d.Location.File) == fatal.Groups["unit"].Value)
                    : line.Contains("marked executable", StringComparison.Ordinal) ? findings.Any(d => d.Code == "UG0706")
                    // "X.socket: service X.service not loaded, socket cannot be started": the socket's own-name service is
                    // not the one given (entry 74), which lint calls UG0113 on the service that only Requires= it.
                    : line.Contains("socket cannot be started", StringComparison.Ordinal) && findings.Any(d => d.Code == "UG0113");
                Assert.True(reported, $"{entry}: lint misses `{line}`");
                covered++;
            }
        }

        Assert.True(covered >= 9, $"only {covered} verify warnings in the corpus");
    }

    [GeneratedRegex(@"^(?<file>/\S+?):(?<line>\d+): ")]
    private static partial Regex AtLine();

    [GeneratedRegex(@"^(?<unit>[^\s/:]+): Unit configuration has fatal error")]
    private static partial Regex FatalUnit();
}
