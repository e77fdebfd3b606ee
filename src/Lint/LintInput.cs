using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint;

/// <summary>The files lint reads, and what was wrong with those it could not (each an error for that file only).</summary>
internal sealed record LintInputs(ImmutableArray<LintFile> Files, ImmutableArray<Diagnostic> Problems);

/// <summary>Reads the files given to <c>unitgen lint</c>: kind by name and content; a Gemfile.lock beside or above them is added.</summary>
internal static class LintInput
{
    public static LintInputs Read(IEnumerable<string> paths, bool findGemfileLock = true)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = ImmutableArray.CreateBuilder<LintFile>();
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        var given = paths.ToList();
        foreach (var path in given)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                problems.Add(Problem(LintInputCodes.Unreadable, path, 0, $"Cannot read {path}: {e.Message}"));
                continue;
            }

            var mode = OperatingSystem.IsWindows() ? (UnixFileMode?)null : File.GetUnixFileMode(path);
            if (Classify(path, text, mode, out var problem) is { } file)
            {
                files.Add(file);
            }
            else
            {
                problems.Add(problem!);
            }
        }

        if (findGemfileLock && !files.Any(f => f.Kind == LintFileKind.GemfileLock) && NearestGemfileLock(given) is { } lockPath)
        {
            try
            {
                files.Add(new LintFile(lockPath, LintFileKind.GemfileLock, File.ReadAllText(lockPath), null));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A lock file found by looking around is a help, not an input: unreadable, it is not used.
            }
        }

        return new LintInputs(files.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>The file as lint reads it; null with the problem when its kind is unknown or it is a .rb that is not Ruby.</summary>
    public static LintFile? Classify(string path, string text, UnixFileMode? mode, out Diagnostic? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var detected = LintFileKinds.Detect(path, text);
        problem = detected switch
        {
            { NotRuby: { } notRuby } => Problem(LintInputCodes.NotRuby, path, notRuby.Line,
                $"{Path.GetFileName(path)} is named as Ruby but holds {notRuby.LooksLike}: the server raises SyntaxError loading it."),
            { Kind: null } => Problem(LintInputCodes.Unreadable, path, 0,
                $"{Path.GetFileName(path)}: neither its name nor its content tells what kind of file it is; it is not linted."),
            _ => null,
        };
        return detected.Kind is { } kind && problem is null ? new LintFile(path, kind, text, mode) : null;
    }

    /// <summary>The Gemfile.lock in the folder of a given file or the nearest folder above it.</summary>
    private static string? NearestGemfileLock(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            for (var dir = Path.GetDirectoryName(Path.GetFullPath(path)); dir is not null; dir = Path.GetDirectoryName(dir))
            {
                var candidate = Path.Combine(dir, "Gemfile.lock");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static Diagnostic Problem(RuleDescriptor code, string path, int line, string message) =>
        new(code.Code, code.Severity, message, code.Fix, new SourceLocation(path, line, line > 0 ? 1 : 0));
}
