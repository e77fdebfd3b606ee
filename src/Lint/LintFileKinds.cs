using System.Text.RegularExpressions;
using UnitGen.Model.Servers;

namespace UnitGen.Lint;

/// <summary>What a file's name and content say it is.</summary>
/// <param name="Kind">The kind lint reads it as; null when neither name nor content tell.</param>
/// <param name="NotRuby">For a <c>.rb</c> file whose content is something else: what it looks like, and the line.</param>
internal sealed record DetectedKind(LintFileKind? Kind, (int Line, string LooksLike)? NotRuby = null);

/// <summary>
/// Decides the kind of a file given to lint, by name first — with the suffixes people add to copies
/// (<c>puma.rb.example</c>, <c>.env.sample</c>) taken off — then by content, so that a file named
/// <c>production.rb</c> with <c>worker_processes</c> is read as unicorn.rb and a <c>.rb</c> holding a unit
/// file is reported instead of being read as Ruby.
/// </summary>
internal static partial class LintFileKinds
{
    /// <summary>Suffixes of copies and templates that leave the content's kind unchanged.</summary>
    private static readonly string[] CopySuffixes = [".example", ".sample", ".dist", ".default", ".orig", ".bak", ".template"];

    // DSL methods only one of the two servers has (puma lib/puma/dsl.rb, unicorn lib/unicorn/configurator.rb).
    private static readonly HashSet<string> PumaOnly = new(StringComparer.Ordinal)
    {
        "workers", "threads", "bind", "port", "preload_app!", "plugin", "on_worker_boot", "on_worker_shutdown", "before_worker_boot",
        "stdout_redirect", "state_path", "activate_control_app", "fork_worker", "prune_bundler", "worker_timeout", "quiet",
        "environment", "directory", "rackup", "pidfile", "bind_to_activated_sockets", "on_restart", "tag", "ssl_bind",
        "worker_shutdown_timeout", "lowlevel_error_handler", "persistent_timeout", "first_data_timeout", "before_fork",
        "on_booted", "wait_for_less_busy_worker", "nakayoshi_fork", "extra_runtime_dependencies", "max_threads", "min_threads",
    };

    private static readonly HashSet<string> UnicornOnly = new(StringComparer.Ordinal)
    {
        "worker_processes", "listen", "working_directory", "stderr_path", "stdout_path", "pid", "after_fork", "preload_app",
        "timeout", "user", "check_client_connection", "after_worker_ready", "after_worker_exit", "before_exec", "logger",
    };

    /// <summary>The kind of the config file <paramref name="server"/> reads (its profile's file name); null when it reads none.</summary>
    public static LintFileKind? AppConfigOf(ServerProfile server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.ConfigFileName is { } name ? ByName(name) : null;
    }

    /// <summary>The server whose config file an app config of <paramref name="kind"/> is.</summary>
    public static ServerProfile ServerOf(LintFileKind kind) =>
        ServerProfiles.All.FirstOrDefault(p => AppConfigOf(p) == kind)
        ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "no server reads a config of this kind");

    public static LintFileKind? ByName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = BaseName(System.IO.Path.GetFileName(path));
        return name switch
        {
            "Gemfile.lock" or "gems.locked" => LintFileKind.GemfileLock,
            _ when name.EndsWith(".service", StringComparison.Ordinal) => LintFileKind.Service,
            _ when name.EndsWith(".socket", StringComparison.Ordinal) => LintFileKind.Socket,
            _ when name.EndsWith(".rb", StringComparison.Ordinal) && name.Contains("unicorn", StringComparison.OrdinalIgnoreCase) => LintFileKind.UnicornConfig,
            _ when name.EndsWith(".rb", StringComparison.Ordinal) => LintFileKind.PumaConfig,
            "run" => LintFileKind.RunitRun,
            // runsv(8): for `sv X` it runs control/X (one letter or digit) if present, before or instead of the signal.
            _ when name.Length == 1 && char.IsAsciiLetterOrDigit(name[0]) && System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path)) == "control"
                => LintFileKind.RunitControl,
            _ when name.EndsWith(".env", StringComparison.Ordinal) || name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal)
                || path.Contains("/etc/default/", StringComparison.Ordinal) => LintFileKind.EnvironmentFile,
            _ => null,
        };
    }

    /// <summary>
    /// A file named the way the dotenv gem finds it (<c>.env</c>, <c>.env.production</c>, <c>.env.local</c>, and copies of
    /// them): the app reads it at boot (dotenv 2.x lib/dotenv/parser.rb takes an optional <c>export</c>), systemd only
    /// when an EnvironmentFile= names it.
    /// </summary>
    public static bool IsDotenvName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = BaseName(System.IO.Path.GetFileName(path));
        return name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal);
    }

    /// <summary>The kind from name and content; content decides between puma.rb and unicorn.rb and unmasks a <c>.rb</c> that is not Ruby.</summary>
    public static DetectedKind Detect(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var byName = ByName(path);
        var byContent = ByContent(lines);
        if (byName is LintFileKind.PumaConfig or LintFileKind.UnicornConfig)
        {
            if (NotRuby(lines) is { } notRuby)
            {
                return new DetectedKind(null, notRuby);
            }

            return new DetectedKind(byContent is LintFileKind.PumaConfig or LintFileKind.UnicornConfig ? byContent : byName);
        }

        if (byName is { } kind)
        {
            // A unit named .service that only has [Socket] is still linted as written; the name is what systemd uses.
            return new DetectedKind(kind);
        }

        return new DetectedKind(byContent);
    }

    private static LintFileKind? ByContent(string[] lines)
    {
        var meaningful = lines.Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] is not ('#' or ';')).ToList();
        if (meaningful.Count == 0)
        {
            return null;
        }

        if (lines.Length > 0 && ShellShebang().IsMatch(lines[0]))
        {
            return LintFileKind.RunitRun;
        }

        if (meaningful.Contains("[Service]"))
        {
            return LintFileKind.Service;
        }

        if (meaningful.Contains("[Socket]"))
        {
            return LintFileKind.Socket;
        }

        if (meaningful[0] == "GEM" || meaningful.Contains("BUNDLED WITH"))
        {
            return LintFileKind.GemfileLock;
        }

        var methods = meaningful.Select(l => DslMethod().Match(l)).Where(m => m.Success).Select(m => m.Groups["method"].Value).ToList();
        var puma = methods.Count(PumaOnly.Contains);
        var unicorn = methods.Count(UnicornOnly.Contains);
        if (puma + unicorn > 0)
        {
            return unicorn > puma ? LintFileKind.UnicornConfig : LintFileKind.PumaConfig;
        }

        return meaningful.All(l => EnvAssignment().IsMatch(l)) ? LintFileKind.EnvironmentFile : null;
    }

    /// <summary>Content that Ruby cannot load: a unit file, a shell script, YAML. The first such line, and what it looks like.</summary>
    private static (int Line, string LooksLike)? NotRuby(string[] lines)
    {
        // Any `#!` line is a comment to Ruby (`#!/usr/bin/env puma` heads many puma.rb files); one naming a shell says the file is a script.
        if (lines.Length > 0 && ShellShebang().IsMatch(lines[0]))
        {
            return (1, $"a script for `{lines[0][2..].Trim()}`");
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (UnitSection().IsMatch(line))
            {
                return (i + 1, $"a systemd unit (`{line}`)");
            }

            // Unindented only: an indented `key: value` may be inside a multi-line hash argument.
            if (YamlKey().IsMatch(lines[i]))
            {
                return (i + 1, $"YAML (`{line}`)");
            }
        }

        return null;
    }

    private static string BaseName(string name)
    {
        foreach (var suffix in CopySuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    [GeneratedRegex(@"^#!\s*(/usr)?(/local)?/bin/(env\s+)?(sh|bash|dash|zsh|ksh)\b")]
    private static partial Regex ShellShebang();

    [GeneratedRegex(@"^(?<method>[a-z_][a-z0-9_]*!?)(\s|\(|$)")]
    private static partial Regex DslMethod();

    [GeneratedRegex(@"^(export\s+)?[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex EnvAssignment();

    [GeneratedRegex(@"^\[(Unit|Service|Socket|Install)\]$")]
    private static partial Regex UnitSection();

    // `key: value` or `key:` at the start of a line is a syntax error in Ruby (a label outside a hash) and YAML's mapping.
    [GeneratedRegex(@"^(---$|[a-z_][a-z0-9_]*:(\s|$))")]
    private static partial Regex YamlKey();
}
