using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.ExecChain;

internal sealed class UG0203ProgramPath : Rule
{
    public override string Code => "UG0203";

    // RULES.md lists UG0203 as a warning for "not absolute and not in systemd's PATH"; whether a bare name is
    // in PATH depends on the host, so UnitGen checks only what it can know, and each of those is fatal.
    public override Severity Severity => Severity.Error;

    public override string Title => "A program path systemd cannot use: relative with a directory (the unit is refused), or using $HOME / ~ (never expanded).";

    public override string Fix => "Use an absolute path or a bare name found in /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin; write home directories out in full.";

    public override string Explanation =>
        "systemd looks up a bare program name in its fixed PATH only (systemd.service(5), \"Command lines\"); a relative " +
        "path with a slash is a fatal unit error: systemd 252 `systemd-analyze verify` says \"Neither a valid executable " +
        "name nor an absolute path: bin/puma\" and \"unit will not be started\" (checked on Debian 12), so that finding is " +
        "an error. No shell runs, so `~` is never expanded, and `$HOME` is substituted only from " +
        "Environment=/EnvironmentFile= values, which UnitGen does not set for HOME; in WorkingDirectory=, paths and " +
        "runit scripts (single-quoted) neither is expanded either: those are errors.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        var argv = model.Server.Command;
        // Only systemd refuses it: the runit run script changes to `directory` first, where a binstub
        // such as bin/puma is found.
        if (!argv.IsEmpty && !argv[0].StartsWith('/') && argv[0].Contains('/', StringComparison.Ordinal)
            && (model.Supervises(Supervisor.Systemd) || model.Directory is null))
        {
            yield return new Finding("server.command", $"`{argv[0]}` is a relative path: systemd 252 refuses it (\"Neither a valid executable name nor an absolute path\") and never starts the unit.");
        }

        // systemd unquotes the program word first and only then reads `- @ : + !` as prefixes; it
        // never expands `$$` in the path and refuses quotes and backslashes there (systemd 252
        // load-fragment.c config_parse_exec): such a program cannot be written into ExecStart=.
        if (!argv.IsEmpty && !UsesHome(argv[0])
            && (argv[0].Length == 0 || argv[0][0] is '-' or '@' or ':' or '+' or '!' || argv[0].AsSpan().IndexOfAny("$\\\"'") >= 0))
        {
            yield return new Finding("server.command", $"Program `{argv[0]}` cannot be started by systemd as written: a leading - @ : + ! is read as a prefix, and $, quotes or backslashes are not allowed in the program path.");
        }

        // A bare name must be a file name systemd can search for (systemd 252 filename_is_valid): not
        // `.` or `..`, at most 255 bytes; else "Neither a valid executable name nor an absolute path".
        // A lone `;` is read as the command separator even when quoted: the unit has no ExecStart= left.
        if (!argv.IsEmpty && !argv[0].Contains('/', StringComparison.Ordinal)
            && (argv[0] is "." or ".." or ";" || System.Text.Encoding.UTF8.GetByteCount(argv[0]) > 255))
        {
            yield return new Finding("server.command", $"`{(argv[0].Length > 64 ? argv[0][..64] + "…" : argv[0])}` is not a program name systemd can look up: systemd 252 refuses the unit.");
        }

        if (argv.FirstOrDefault(UsesHome) is { } home)
        {
            yield return new Finding("server.command", $"`{home}`: no shell expands `~` or `$HOME` in ExecStart; the server gets the literal text.");
        }

        var paths = new (string Path, string? Value)[]
        {
            ("directory", model.Directory), ("envFile", model.EnvFile), ("server.config", model.Server.Config),
            ("server.rackup", model.Server.Rackup), ("server.pidfile", model.Server.Pidfile),
            ("systemd.stdout", model.Systemd.Stdout), ("systemd.stderr", model.Systemd.Stderr),
            ("runit.serviceDir", model.Runit.ServiceDir), ("runit.logDir", model.Runit.LogDir),
        };
        foreach (var (path, value) in paths)
        {
            if (value is not null && UsesHome(value))
            {
                yield return new Finding(path, $"`{value}`: `~` and `$HOME` are not expanded here; the literal text is used as the path.");
            }
        }
    }

    /// <summary><c>~</c> at the start of a word, after <c>=</c> or <c>:</c> (append:~/x), or <c>$HOME</c>/<c>${HOME}</c> anywhere.</summary>
    private static bool UsesHome(string word) =>
        word.StartsWith('~') || word.Contains("=~", StringComparison.Ordinal) || word.Contains(":~", StringComparison.Ordinal)
        || word.Contains("$HOME", StringComparison.Ordinal) || word.Contains("${HOME}", StringComparison.Ordinal);
}
