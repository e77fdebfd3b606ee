using System.Diagnostics;
using System.Globalization;
using System.Text;
using FsCheck.Fluent;
using UnitGen.Emitters;
using UnitGen.Model;
using UnitGen.Model.Facts;
using UnitGen.Tests.Support;
using Xunit.Abstractions;

namespace UnitGen.Tests.Properties;

/// <summary>
/// Issue 7 with the real judges: for every string key, <see cref="PropertySeed.Cases"/> hostile cases
/// are generated from the run's seed; every accepted case is written out and judged in batches —
/// <c>systemd-analyze verify</c> silent on all units, the runit scripts run under <c>sh</c> with the argv
/// the model says, envdir files byte for byte and through the real <c>chpst -e</c>, and puma.rb/unicorn.rb
/// evaluated by <c>ruby</c> into a recording DSL give what UnitGen's own reader gives.
/// </summary>
[Trait(Category.Name, Category.RealTool)]
public sealed class RealToolPropertyTests(ITestOutputHelper output)
{
    /// <summary>
    /// Cases (a .service and its .socket) per <c>systemd-analyze verify</c> run: its time grows faster than
    /// the number of units (measured on systemd 252: 250 pairs 0.4 s, 500 pairs 1.2 s, 1,000 pairs 6.5 s).
    /// </summary>
    private const int VerifyBatch = 250;

    /// <summary>strerror texts of a program path that leads nowhere on this host: ENOENT, ENOTDIR.</summary>
    private static readonly string[] MissingProgramErrors = ["No such file or directory", "Not a directory"];

    [Fact]
    public void Every_accepted_hostile_value_is_read_back_exactly_by_systemd_sh_chpst_and_ruby()
    {
        // Arrange: the cases, generated from the seed, each checked in-process first.
        var seed = PropertySeed.Current();
        output.WriteLine($"seed: {seed} ({PropertySeed.Cases} cases per key)");
        var clock = Stopwatch.StartNew();
        var tally = new FieldTally();
        using var dir = new TempFolder();
        var written = new System.Collections.Concurrent.ConcurrentBag<(int Number, HostileCase Case, string Folder)>();
        // Keys in parallel (two cores); case numbers stay unique and fixed by the seed, not by scheduling.
        Parallel.ForEach(StringFields.Table.Select((f, i) => (Field: f, Index: i)), new ParallelOptions { MaxDegreeOfParallelism = 2 }, item =>
        {
            var field = item.Field;
            var values = Gen.Zip(field.Values, Gen.Elements(false, true)).Sample(PropertySeed.Cases, seed.For(field.Path), 50);
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < values.Length; k++)
            {
                var number = (item.Index * 100_000) + k;
                var (value, unicorn) = values[k];
                var hostile = new HostileCase(field, value, unicorn, $"c{number}");
                try
                {
                    hostile.Run();
                }
                catch (Exception e)
                {
                    Assert.Fail($"{hostile} (replay with {seed}): {e.Message}");
                }

                tally.Add(field.Path, hostile.ErrorCodes);
                // Only what a judge reads; one unit name per verify run (accepted `name` values may repeat).
                if (hostile.ErrorCodes.IsEmpty && field.Judges != Judges.None && names.Add(hostile.Emitted!.Model.Name))
                {
                    var folder = Path.Combine(dir.Path, number.ToString(CultureInfo.InvariantCulture));
                    Write(folder, hostile.Emitted.Files.Values);
                    written.Add((number, hostile, folder));
                }
            }
        });
        var accepted = written.OrderBy(w => w.Number).Select(w => (w.Case, w.Folder)).ToList();

        output.WriteLine($"generated and checked in-process: {clock.Elapsed.TotalSeconds:F1} s, {accepted.Count} accepted cases written");
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();

        // Act + Assert, judge by judge.
        clock.Restart();
        JudgeSystemd(dir.Path, accepted, failures);
        output.WriteLine($"systemd-analyze verify: {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        var scripts = JudgeRunit(dir.Path, accepted, failures);
        output.WriteLine($"sh + chpst: {scripts} scripts and env folders in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        var rubyFiles = JudgeRuby(dir.Path, accepted, failures);
        output.WriteLine($"ruby: {rubyFiles} files in {clock.Elapsed.TotalSeconds:F1} s");

        output.WriteLine(tally.Table(StringFields.Table.Select(f => f.Path)));
        Assert.True(failures.IsEmpty, $"replay with {seed}\n" + string.Join("\n", failures.Take(40)));
    }

    /// <summary>
    /// The files as they are (content only: the judges read them, nothing is installed). Plain writes:
    /// OutputWriter's atomic replace costs milliseconds per file, too slow for tens of thousands.
    /// </summary>
    private static void Write(string folder, IEnumerable<EmittedFile> files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
        }
    }

    private static void JudgeSystemd(string root, List<(HostileCase Case, string Folder)> accepted, System.Collections.Concurrent.ConcurrentQueue<string> failures)
    {
        // Chunked by case, so a service and its socket are verified together; two runs at a time.
        var chunks = accepted.Where(a => a.Case.Field.Judges.HasFlag(Judges.Systemd)).Chunk(VerifyBatch).Select((c, i) => (Cases: c, Number: i));
        Parallel.ForEach(chunks, new ParallelOptions { MaxDegreeOfParallelism = 2 }, chunk =>
        {
            var (cases, batchNumber) = chunk;
            var batch = cases
                .SelectMany(a => new[] { OutputPaths.Service(a.Case.Emitted!.Model), OutputPaths.Socket(a.Case.Emitted.Model) }
                    .Where(a.Case.Emitted.Files.ContainsKey)
                    .Select(path => (a.Case, File: Path.Combine(a.Folder, path))))
                .ToArray();
            // One folder per run: systemd-analyze adds each unit's folder to its search path, and
            // thousands of folders make every lookup slow. Names are unique (c<case>).
            var flat = Path.Combine(root, "units" + batchNumber.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(flat);
            for (var i = 0; i < batch.Length; i++)
            {
                var copy = Path.Combine(flat, Path.GetFileName(batch[i].File));
                File.Copy(batch[i].File, copy);
                batch[i] = (batch[i].Case, copy);
            }

            var run = ExternalTool.Run("systemd-analyze", ["verify", "--man=no", .. batch.Select(u => u.File)], timeout: TimeSpan.FromMinutes(5));
            var missingPrograms = 0;

            foreach (var line in run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                // Debian's own unicorn.service is loaded with every unit set and has a warning of its own.
                if (line.StartsWith("/lib/systemd/system/", StringComparison.Ordinal) || line.StartsWith("/usr/lib/systemd/system/", StringComparison.Ordinal))
                {
                    continue;
                }

                var owner = batch.FirstOrDefault(u => line.Contains(Path.GetFileName(u.File), StringComparison.Ordinal) || line.Contains(u.File, StringComparison.Ordinal));
                if (owner.Case is { Field.Path: "server.command[0]" or "server.command (string)" } c
                    && MissingProgramErrors.Any(error => line.EndsWith($": Command {Simplified(c.Emitted!.ExecStart()[0])} is not executable: {error}", StringComparison.Ordinal)))
                {
                    // The hostile program does not exist; systemd names it exactly as the model does — the read-back.
                    // ENOTDIR when a folder in its path is an existing file (`/usr/bin/puma/x` once puma is installed).
                    missingPrograms++;
                    continue;
                }

                failures.Enqueue($"systemd-analyze verify: {HostileStrings.Show(line)}" + (owner.Case is null ? string.Empty : $" ← {owner.Case}"));
            }

            // verify exits 1 for a missing program too; only an exit nothing above explains is a failure.
            if (run.ExitCode != 0 && missingPrograms == 0)
            {
                failures.Enqueue($"systemd-analyze verify exited {run.ExitCode}: {HostileStrings.Show(run.Output)}");
            }
        });
    }

    private static int JudgeRunit(string root, List<(HostileCase Case, string Folder)> accepted, System.Collections.Concurrent.ConcurrentQueue<string> failures)
    {
        // Two chains, one per core: a script costs one exec of dash (about 1-3 ms, more on a loaded machine).
        RunitScriptJudge[] judges = [new(Path.Combine(root, "sh0")), new(Path.Combine(root, "sh1"))];
        foreach (var (hostile, folder) in accepted.Where(a => a.Case.Field.Judges.HasFlag(Judges.Shell)))
        {
            var model = hostile.Emitted!.Model;
            var service = Path.Combine(folder, "runit", model.Name);
            if (!Directory.Exists(service))
            {
                continue;
            }

            judges[judges[0].Count <= judges[1].Count ? 0 : 1].Add(hostile, service, ScriptsFor(hostile.Field));
            // envdir files byte for byte: the value and one newline (chpst reads the first line).
            foreach (var variable in model.Environment)
            {
                var bytes = File.ReadAllBytes(Path.Combine(service, "env", variable.Name));
                if (!bytes.SequenceEqual(Encoding.UTF8.GetBytes(variable.Value + "\n")))
                {
                    failures.Enqueue($"env/{variable.Name} bytes differ ← {hostile}");
                }
            }
        }

        var results = new List<(HostileCase Case, string Kind, string Folder, List<string[]> Records)>[2];
        Parallel.For(0, 2, i => results[i] = judges[i].Run());
        foreach (var (hostile, kind, folder, records) in results.SelectMany(r => r))
        {
            var expected = ExpectedRecords(hostile.Emitted!.Model, kind, folder);
            var actual = records.Select(r => string.Join('\u241f', r)).ToList();
            if (!expected.Select(r => string.Join('\u241f', r)).SequenceEqual(actual))
            {
                failures.Enqueue($"sh {kind}: expected {Show(expected)}, got {Show(records)} ← {hostile}");
            }
        }

        return judges.Sum(j => j.Count);
    }

    /// <summary>The scripts a key's value reaches (every script of the folder for the keys all of them use).</summary>
    private static RunitScripts ScriptsFor(StringField field) => field.Path switch
    {
        "name" or "user" or "group" => RunitScripts.Run | RunitScripts.Log | RunitScripts.Follow,
        "environment@key" or "environment" => RunitScripts.Env,
        "server.pidfile" => RunitScripts.Follow,
        "runit.logDir" => RunitScripts.Log,
        _ => RunitScripts.Run,
    };

    /// <summary>What the stub must record for one script, from the model alone.</summary>
    private static List<string[]> ExpectedRecords(ServiceModel model, string kind, string folder)
    {
        var owner = model.Group is { } group ? $"{model.User}:{group}" : model.User;
        var command = model.Server.EffectiveCommand(OutputPaths.InstalledServerConfig(model));
        switch (kind)
        {
            case "log":
                var logDir = model.Runit.LogDir ?? $"/var/log/{model.Name}";
                return [["mkdir", "-p", logDir], ["chown", owner, logDir], ["chpst", "-u", owner, "svlogd", "-tt", logDir]];
            case "run":
                List<string[]> run = model.Directory is { } dir ? [["cd", dir]] : [];
                run.Add([
                    "chpst", "-u", owner,
                    .. model.Environment.IsEmpty ? Array.Empty<string>() : ["-e", folder + "/env"],
                    .. model.Server.Type == ServerType.Unicorn ? [folder + "/unicorn-follow"] : Array.Empty<string>(),
                    .. command,
                ]);
                return run;
            case "unicorn-follow":
                var pid = UnicornFacts.Pidfile(model)!;
                return [["mkdir", "-p", pid[..pid.LastIndexOf('/')]], ["pidfile", pid]];
            default:
                var variable = model.Environment.Single();
                return [["env", "set", variable.Value]];
        }
    }

    private static int JudgeRuby(string root, List<(HostileCase Case, string Folder)> accepted, System.Collections.Concurrent.ConcurrentQueue<string> failures)
    {
        var files = accepted
            .Where(a => a.Case.Field.Judges.HasFlag(Judges.Ruby))
            .Where(a => OutputPaths.ServerConfig(a.Case.Emitted!.Model) is not null)
            .Select(a => (a.Case, File: Path.Combine(a.Folder, OutputPaths.ServerConfig(a.Case.Emitted!.Model)!)))
            .Where(f => File.Exists(f.File))
            .ToList();
        var loaded = RubyConfigJudge.Load(root, [.. files.Select(f => f.File)]);
        for (var i = 0; i < files.Count; i++)
        {
            var (ok, calls, error) = loaded[i];
            if (!ok)
            {
                failures.Enqueue($"ruby: {HostileStrings.Show(error)} ← {files[i].Case}");
                continue;
            }

            var ours = RubyConfigJudge.ReadStatically(File.ReadAllText(files[i].File));
            var real = calls.Select(c => c.Method + "(" + string.Join(",", c.Args) + ")").ToList();
            var read = ours.Select(c => c.Method + "(" + string.Join(",", c.Args) + ")").ToList();
            if (!real.SequenceEqual(read))
            {
                failures.Enqueue($"ruby and UnitGen's reader disagree: ruby {string.Join(" ", real)} / reader {string.Join(" ", read)} ← {files[i].Case}");
            }
        }

        return files.Count;
    }

    /// <summary>
    /// The path as systemd prints it after <c>path_simplify</c>: repeated slashes and <c>.</c> components
    /// dropped — the same file, so the read-back still holds.
    /// </summary>
    private static string Simplified(string path) => !path.StartsWith('/')
        ? path
        : "/" + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "."));

    private static string Show(IEnumerable<string[]> records) =>
        string.Join(" ; ", records.Select(r => HostileStrings.Show(string.Join(" ", r))));
}
