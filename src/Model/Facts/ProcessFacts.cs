using System.Collections.Immutable;
using System.Globalization;

namespace UnitGen.Model.Facts;

/// <summary>
/// Sidekiq's flags and constants, for rules, emitters and its profile (<see cref="Servers.SidekiqProfile"/>). Sidekiq facts are
/// checked in sidekiq 6.4.1 as Debian ships it (ruby-sidekiq 6.4.1+dfsg-1): <c>bin/sidekiq</c>,
/// <c>lib/sidekiq/cli.rb</c>, <c>lib/sidekiq/manager.rb</c>, <c>lib/sidekiq/systemd.rb</c>.
/// </summary>
internal static class ProcessFacts
{
    /// <summary>Sidekiq's shutdown timeout when neither <c>-t</c> nor the config sets one (lib/sidekiq.rb DEFAULTS <c>timeout: 25</c>).</summary>
    public const int SidekiqDefaultTimeoutSeconds = 25;

    /// <summary>
    /// Seconds systemd waits on top of sidekiq's own timeout before SIGKILL: after the deadline
    /// sidekiq pushes the unfinished jobs back to Redis (manager.rb <c>hard_shutdown</c>,
    /// <c>bulk_requeue</c>) and runs its shutdown hooks; a SIGKILL during that loses the jobs.
    /// </summary>
    public const int StopMarginSeconds = 10;

    /// <summary>
    /// sidekiq 6.0.6 added READY=1, STOPPING=1 and WATCHDOG=1 (changelog 6.0.6, #4488); in 6.x the
    /// integration lives in <c>bin/sidekiq</c> (<c>integrate_with_systemd</c>, only when NOTIFY_SOCKET is set).
    /// </summary>
    public static readonly Version SidekiqNotifySince = new(6, 0, 6);

    /// <summary>Sidekiq 6.0 removed daemonizing, log files and pid files (cli.rb prints "ERROR: … was removed in Sidekiq 6.0" and goes on).</summary>
    public static readonly Version SidekiqRemovedDaemonFlags = new(6, 0, 0);

    /// <summary>
    /// The seconds sidekiq itself waits for running jobs as the command says (<c>-t N</c>,
    /// <c>--timeout N</c>, <c>-tN</c>, <c>--timeout=N</c>), with the index of the flag; null when the
    /// command does not say.
    /// </summary>
    public static (int Index, int Seconds)? TimeoutFlag(ImmutableArray<string> command)
    {
        for (var i = 0; i < command.Length; i++)
        {
            var word = command[i];
            var value = word switch
            {
                "-t" or "--timeout" when i + 1 < command.Length => command[i + 1],
                _ when word.StartsWith("--timeout=", StringComparison.Ordinal) => word["--timeout=".Length..],
                _ when word.StartsWith("-t", StringComparison.Ordinal) && word.Length > 2 && char.IsAsciiDigit(word[2]) => word[2..],
                _ => null,
            };
            if (value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return (i, seconds);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the argv runs sidekiq's own executable (derived, <c>sidekiq</c>, <c>…/sidekiq</c>, through
    /// bundle exec): in 6.x the systemd integration is in <c>bin/sidekiq</c>, not in the library.
    /// </summary>
    public static bool RunsSidekiqExecutable(ImmutableArray<string> command) =>
        command.IsEmpty || command.Any(w => w == "sidekiq" || w.EndsWith("/sidekiq", StringComparison.Ordinal));

    /// <summary>
    /// The TCP ports a command says it binds: <c>-p N</c>, <c>-pN</c>, <c>--port N</c>, <c>--port=N</c>,
    /// <c>-b URI</c>/<c>--bind URI</c> (puma, rackup, rails server, thin, unicorn's <c>-l</c>) and a
    /// <c>PORT=N</c> word (through <c>env</c>), each with the index of its word.
    /// </summary>
    public static IEnumerable<(int Index, int Port)> PortFlags(ImmutableArray<string> command)
    {
        for (var i = 0; i < command.Length; i++)
        {
            var word = command[i];
            var next = i + 1 < command.Length ? command[i + 1] : null;
            var port = word switch
            {
                "-p" or "--port" => Number(next),
                "-b" or "--bind" or "-l" or "--listen" => next is null ? null : PortOf(next),
                _ when word.StartsWith("--port=", StringComparison.Ordinal) => Number(word["--port=".Length..]),
                _ when word.StartsWith("--bind=", StringComparison.Ordinal) => PortOf(word["--bind=".Length..]),
                _ when word.StartsWith("PORT=", StringComparison.Ordinal) => Number(word["PORT=".Length..]),
                _ when word.StartsWith("-p", StringComparison.Ordinal) && word.Length > 2 && char.IsAsciiDigit(word[2]) => Number(word[2..]),
                _ => null,
            };
            if (port is { } p)
            {
                yield return (i, p);
            }
        }
    }

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 65535 ? n : null;

    private static int? PortOf(string bind) => ListenAddress.Parse(bind) is TcpAddress tcp ? tcp.Port : null;
}
