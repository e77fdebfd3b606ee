using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Processes;

internal sealed class UG0803SidekiqRemovedFlag : Rule
{
    public override string Code => "UG0803";

    public override Severity Severity => Severity.Error;

    public override string Title => "Sidekiq given `-d`, `-L` or `-P`: removed in 6.0 (ignored with an ERROR line); before 6.0, `-d` forks away from the supervisor.";

    public override string Fix => "Drop the flag: the supervisor keeps the process (no `-d`, no pid file) and collects its stdout (journal or svlogd).";

    public override string Explanation =>
        "sidekiq 6.4.1 lib/sidekiq/cli.rb option_parser: `-d/--daemon` prints \"ERROR: Daemonization mode was removed " +
        "in Sidekiq 6.0\", `-L/--logfile` \"Logfile redirection was removed\", `-P/--pidfile` \"PID file creation was " +
        "removed\" — and goes on without them, so the log file stays empty and no pid file is written. On sidekiq 5, " +
        "`-d` daemonizes: the supervised process exits at once, systemd (Type=simple) and runsv see it die and start " +
        "another. An unknown version is taken as 6 or later.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var process in model.Processes.Where(p => p.IsSidekiq))
        {
            var modern = process.Version is null || process.Version >= ProcessFacts.SidekiqRemovedDaemonFlags;
            for (var i = 0; i < process.Command.Length; i++)
            {
                var word = process.Command[i];
                var flag = Flag(word);
                if (flag is "-d")
                {
                    yield return new Finding($"processes.{process.Name}.command[{i}]", modern
                        ? $"`{word}`: sidekiq {Version(process)} ignores it (daemonizing was removed in 6.0); the supervisor runs it in the foreground."
                        : $"`{word}`: sidekiq {process.Version} daemonizes, so the process the supervisor watches exits at once and is started again.");
                }
                else if (flag is "-L" or "-P" && modern)
                {
                    yield return new Finding($"processes.{process.Name}.command[{i}]",
                        $"`{word}`: sidekiq {Version(process)} ignores it ({(flag == "-L" ? "log files were removed in 6.0: it logs to stdout" : "pid files were removed in 6.0")}).");
                }
            }
        }
    }

    private static string Version(ProcessSpec process) => process.Version?.ToString() ?? "(version unknown, taken as ≥ 6)";

    /// <summary>The short form of a removed flag the word spells, attached values included (`-Lfile`, `--pidfile=x`).</summary>
    private static string? Flag(string word) => word switch
    {
        "-d" or "--daemon" => "-d",
        "-L" or "--logfile" => "-L",
        "-P" or "--pidfile" => "-P",
        _ when word.StartsWith("--logfile=", StringComparison.Ordinal) => "-L",
        _ when word.StartsWith("--pidfile=", StringComparison.Ordinal) => "-P",
        _ when word.Length > 2 && word.StartsWith("-L", StringComparison.Ordinal) => "-L",
        _ when word.Length > 2 && word.StartsWith("-P", StringComparison.Ordinal) => "-P",
        _ => null,
    };
}
