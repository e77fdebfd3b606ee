using UnitGen.Model;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint.Rules;

internal sealed class UG0702CommentAfterValue : LintRule
{
    public override string Code => "UG0702";

    public override Severity Severity => Severity.Error;

    public override string Title => "Text after a value meant as a comment: systemd reads `# …` as part of the value.";

    public override string Fix => "Move the comment to a line of its own, starting with `#`.";

    public override string Explanation =>
        "Unit files have comments only on lines of their own (systemd.syntax(7)). `Requires=puma.socket # note` makes " +
        "systemd add dependencies on `#` and `note` (systemd-analyze verify: \"Failed to add dependency on #\"); in " +
        "ExecStart= the words become arguments; in User= or other single values the whole text is taken literally. " +
        "EnvironmentFile= files too: systemd's parser (src/basic/env-file.c parse_env_file_internal, state VALUE) keeps " +
        "every character of an unquoted value up to the line end, `#` included, and appends text after a closing quote, so " +
        "`DB_POOL=15  # pool size` sets DB_POOL to `15  # pool size`. A dotenv file (.env, .env.production) is judged only " +
        "when a given unit's EnvironmentFile= names it: the dotenv gem strips such comments itself.";

    public override IReadOnlyCollection<LintFileKind> Kinds => [LintFileKind.Service, LintFileKind.Socket, LintFileKind.EnvironmentFile];

    public override IEnumerable<LintFinding> Check(LintFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Kind == LintFileKind.EnvironmentFile ? CheckEnvironment(file) : CheckUnit(file);
    }

    private static IEnumerable<LintFinding> CheckEnvironment(LintFile file)
    {
        if (!file.ReadBySystemd && LintFileKinds.IsDotenvName(file.Path))
        {
            yield break;
        }

        for (var i = 0; i < file.Lines.Length; i++)
        {
            var line = file.Lines[i];
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (line.TrimStart() is { Length: > 0 } text && text[0] is '#' or ';' || eq < 0)
            {
                continue;
            }

            var value = line[(eq + 1)..];
            var at = CommentStart(value);
            if (at >= 0)
            {
                yield return new LintFinding(i + 1, eq + 2 + at,
                    $"`{line.Trim()}`: `{value[at..].Trim()}` is not a comment in an EnvironmentFile; systemd makes it part of the value.");
            }
        }
    }

    private static IEnumerable<LintFinding> CheckUnit(LintFile file)
    {
        foreach (var e in file.Unit.Entries)
        {
            // A description is free text; `#` there is shown, not parsed.
            if (e.Key is "Description" or "Documentation")
            {
                continue;
            }

            var at = CommentStart(e.RawValue);
            if (at >= 0)
            {
                yield return new LintFinding(e.Line, e.ValueColumn + at,
                    $"`{e.Key}={e.RawValue}`: `{e.RawValue[at..]}` is not a comment here; systemd reads it as part of the value.");
            }
        }
    }

    /// <summary>Index of a <c>#</c> or <c>;</c> that starts a word after a blank, outside quotes; -1 if none.</summary>
    private static int CommentStart(string value)
    {
        char? quote = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            // A quote opens at the start of the value (`KEY="a # b"`, as UnitGen's env writer quotes) or after a blank.
            if (quote is null && c is '"' or '\'' && (i == 0 || value[i - 1] is ' ' or '\t'))
            {
                quote = c;
            }
            else if (quote == c)
            {
                quote = null;
            }
            else if (quote is null && c is '#' && i > 0 && value[i - 1] is ' ' or '\t')
            {
                return i;
            }
        }

        return -1;
    }
}
