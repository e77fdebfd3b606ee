using UnitGen.Emitters;
using UnitGen.Emitters.Output;
using UnitGen.Model.Diagnostics;
using UnitGen.Formats.EnvironmentFiles;
using UnitGen.Formats.Ruby;
using UnitGen.Lint;
using UnitGen.Lint.Import;
using UnitGen.Model.Loading;
using UnitGen.Model.Rules;
using UnitGen.Tests.Lint;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Import;

/// <summary>
/// <c>unitgen import</c> over every entry of tests/lint-corpus, whatever the corpus holds when the test
/// runs: the written model loads, generates files that lint finds nothing in, and names every line
/// the readers saw in the source — as a key's origin or as a "not imported" comment.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public sealed class ImportCorpusTests
{
    /// <summary>Entries import cannot take, and why. An entry with a .service is never skipped.</summary>
    private static readonly (Func<IReadOnlyList<LintFile>, bool> Applies, string Why)[] CannotImport =
    [
        (files => !files.Any(f => f.Kind == LintFileKind.Service),
            "import reads a systemd .service (runit run scripts, env files and app configs alone are lint-only)"),
        (files => LintModelBuilder.Build(files).Any(s => s.UserScope && s.Model.User == "root" && s.Service.Unit.Last("Service", "User") is null),
            "a user unit (systemctl --user) that names its account nowhere (no User=, not installed under /home/NAME/.config/systemd/user, "
            + "WorkingDirectory= not in a home): `user` says whose manager runs it, and import invents no account"),
        (files => Linter.LintFiles(files).Any(d => d.Code == "UG0709"),
            "systemd refuses the unit (WorkingDirectory= not absolute, UG0709): a placeholder path has no model value until it is filled in"),
    ];

    /// <summary>
    /// Mistakes of the source no correction can undo without a choice only the user can make: a port below 1024 in a
    /// user unit (UG0740) needs another port with a proxy in front, or a system unit.
    /// </summary>
    private static readonly HashSet<string> NeedsTheUsersChoice = ["UG0740"];

    public static TheoryData<string> Entries => LintCorpusTests.Entries;

    [Theory]
    [MemberData(nameof(Entries))]
    public void Import_then_generate_then_lint_is_clean(string entry)
    {
        var files = LintCorpusTests.Files(entry);
        if (Skip(files))
        {
            return;
        }

        var source = Linter.Lint(files);
        foreach (var service in LintModelBuilder.Build(files))
        {
            var yaml = ModelYamlWriter.Write(ModelImporter.Import(service, files));
            var loaded = ModelLoader.Load(yaml, entry + ".yaml");
            Assert.True(loaded.Model is not null, $"{entry}: the imported model does not load:\n{string.Join('\n', loaded.Diagnostics)}\n{yaml}");
            // The source's mistakes are corrected by import (each corrected key says `was …: UGxxxx …`), not carried:
            // the model validates, and generate writes files lint finds nothing in.
            var invalid = Validator.Validate(loaded.Model, loaded.Map).Where(d => d.IsError).ToList();
            if (invalid.Count > 0 && invalid.All(d => NeedsTheUsersChoice.Contains(d.Code)))
            {
                // Import cannot choose for the user here; it says so at the top, and generate refuses the model.
                Assert.All(invalid, d => Assert.Contains($"# Not corrected, from the source: {d.Code}", yaml, StringComparison.Ordinal));
                continue;
            }

            Assert.True(invalid.Count == 0, $"{entry}: the imported model does not validate:\n{string.Join('\n', invalid)}\n{yaml}");
            foreach (var code in source.Where(d => d.IsError).Select(d => d.Code).Distinct().Where(c => ImportCorrections.All.Any(x => x.Code == c) && !(c == "UG0705" && LintModelBuilder.Build(files).Any(s => s.UserScope))))
            {
                // A mistake lint reports on the source that import corrects is named in the model, with its code.
                // (Another correction may answer it first, as dropping binds answers UG0101 and UG0103 at once.)
                Assert.True(!ModelMakes(code, files) || yaml.Contains("was ", StringComparison.Ordinal), $"{entry}: {code} of the source is corrected without a `was …` note:\n{yaml}");
            }

            using var dir = new TempFolder();
            OutputWriter.Write(dir.Path, Generator.Emit(loaded.Model), checkOnly: false);
            var generated = Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories)
                .Where(f => LintFile.KindOf(f) is not null)
                .Select(f => new LintFile(f, LintFile.KindOf(f)!.Value, File.ReadAllText(f), File.GetUnixFileMode(f)))
                .ToList();

            // Errors and warnings only (info is advice).
            var findings = Linter.Lint(generated).Where(d => d.Severity != Severity.Info).ToList();

            Assert.True(findings.Count == 0, $"{entry}: lint of the generated files:\n{string.Join('\n', findings)}\n{yaml}");
        }
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Every_line_the_readers_saw_is_named_in_the_written_model(string entry)
    {
        var files = LintCorpusTests.Files(entry);
        if (Skip(files))
        {
            return;
        }

        foreach (var service in LintModelBuilder.Build(files))
        {
            var yaml = ModelYamlWriter.Write(ModelImporter.Import(service, files));
            var lines = yaml.Split('\n');
            foreach (var (file, line, what) in service.Files.SelectMany(ReaderItems))
            {
                var marker = $"{Path.GetFileName(file)}({line})";
                var named = lines.Where(l => Mentions(l, marker)).ToList();
                Assert.True(named.Count > 0, $"{entry}: {marker} `{what}` is neither a key's origin nor a `not imported` comment:\n{yaml}");
                Assert.True(named.Any(l => l.TrimStart().StartsWith("# not imported: ", StringComparison.Ordinal) || l.Contains("# from ", StringComparison.Ordinal)),
                    $"{entry}: {marker} is only named in a note, neither carried by a key nor said why not:\n{yaml}");
            }

            foreach (var other in files.Where(f => !service.Files.Any(s => s.Path == f.Path)))
            {
                Assert.Contains(Path.GetFileName(other.Path), yaml, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Most_of_the_corpus_imports()
    {
        // Of the entries with a .service: the corpus also holds lint-only entries (run scripts, app configs alone).
        var entries = LintCorpusTests.EntryNames.Where(e => LintCorpusTests.Files(e).Any(f => f.Kind == LintFileKind.Service)).ToList();
        var importing = entries.Count(e => !Skip(LintCorpusTests.Files(e)));

        Assert.True(importing >= 20 && importing * 4 >= entries.Count * 3, $"{importing} of {entries.Count} corpus entries with a .service import; the tests above prove little");
    }

    /// <summary>
    /// What the readers read, one item per line they report: unit assignments and the lines systemd
    /// ignores, puma/unicorn DSL calls and the statements not understood, env assignments and bad lines.
    /// </summary>
    private static IEnumerable<(string File, int Line, string What)> ReaderItems(LintFile file) => file.Kind switch
    {
        LintFileKind.Service or LintFileKind.Socket => file.Unit.Entries.Select(e => (file.Path, e.Line, $"{e.Key}={e.RawValue}"))
            .Concat(file.Unit.Issues.Select(i => (file.Path, i.Line, i.Message))),
        LintFileKind.PumaConfig or LintFileKind.UnicornConfig => RubyConfigReader.Parse(file.Text) is var config
            ? config.Calls.Select(c => (file.Path, c.Line, c.Method)).Concat(config.NotUnderstood.Select(n => (file.Path, n.Line, n.Message)))
            : [],
        LintFileKind.EnvironmentFile => file.Environment.Assignments.Select(a => (file.Path, a.Line, a.Name))
            .Concat(file.Environment.Issues.Select(i => (file.Path, i.Line, i.Message))),
        _ => [],
    };

    private static bool Mentions(string line, string marker)
    {
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        return at >= 0 && (at == 0 || !char.IsLetterOrDigit(line[at - 1]) && line[at - 1] is not ('.' or '-' or '_'));
    }

    /// <summary>Whether the model read from the files (before import's corrections) breaks the rule: a lint-only finding has no model key to correct.</summary>
    private static bool ModelMakes(string code, IReadOnlyList<LintFile> files) =>
        LintModelBuilder.Build(files).Any(s => ModelImporter.Uncorrected(s, files).Any(d => d.Code == code));

    private static bool Skip(IReadOnlyList<LintFile> files) => CannotImport.Any(c => c.Applies(files));
}
