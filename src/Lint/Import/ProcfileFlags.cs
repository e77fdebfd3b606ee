using System.Collections.Immutable;

namespace UnitGen.Lint.Import;

/// <summary>An option of a program's command line: what it means to the importer (<see cref="Key"/>) and its spellings.</summary>
internal sealed record ProcfileFlag(string Key, bool TakesValue, params string[] Names);

/// <summary>One option (or positional word) as a command line says it: its key (null for an option the table lacks), the words, the value.</summary>
internal sealed record ReadFlag(string? Key, string Text, string? Value);

/// <summary>
/// The options of the programs a Procfile starts that the importer reads, each table checked in the
/// program's own option parser: puma 5.6.5 <c>lib/puma/cli.rb</c>, unicorn 6.0.0 <c>bin/unicorn</c>, Rails'
/// <c>rails server</c> (railties <c>lib/rails/commands/server/server_command.rb</c>), sidekiq 6.4.1
/// <c>lib/sidekiq/cli.rb</c> <c>parse_options</c>. An option missing here is reported, never guessed at.
/// </summary>
internal static class ProcfileFlags
{
    public const string Positional = "positional";

    public static readonly ImmutableArray<ProcfileFlag> Puma =
    [
        new("bind", true, "-b", "--bind"),
        new("config", true, "-C", "--config"),
        new("environment", true, "-e", "--environment"),
        new("forkWorker", false, "-f", "--fork-worker"),
        new("port", true, "-p", "--port"),
        new("pidfile", true, "--pidfile"),
        new("preload", false, "--preload"),
        new("pruneBundler", false, "--prune-bundler"),
        new("threads", true, "-t", "--threads"),
        new("workers", true, "-w", "--workers"),
        new("other", false, "--bind-to-activated-sockets", "--no-config", "--debug", "-q", "--quiet", "-v", "--log-requests", "-s", "--silent", "--early-hints", "--redirect-append", "--no-redirect-append"),
        new("other", true, "--control-url", "--control-token", "--dir", "-I", "--include", "--extra-runtime-dependencies", "-R", "--restart-cmd", "-S", "--state", "--tag", "--redirect-stdout", "--redirect-stderr"),
    ];

    public static readonly ImmutableArray<ProcfileFlag> Unicorn =
    [
        new("config", true, "-c", "--config-file"),
        new("environment", true, "-E", "--env"),
        new("listen", true, "-l", "--listen"),
        new("host", true, "-o", "--host"),
        new("port", true, "-p", "--port"),
        new("daemonize", false, "-D", "--daemonize"),
        new("pidfile", true, "-P", "--pid"),
        new("other", false, "-d", "--debug", "-w", "--warn", "-N", "--no-default-middleware"),
        new("other", true, "-e", "--eval", "-I", "--include", "-r", "--require", "-s", "--server"),
    ];

    public static readonly ImmutableArray<ProcfileFlag> RailsServer =
    [
        new("port", true, "-p", "--port"),
        new("host", true, "-b", "--binding"),
        new("environment", true, "-e", "--environment"),
        new("pidfile", true, "-P", "--pid"),
        new("using", true, "-u", "--using"),
        new("rackup", true, "-c", "--config"),
        new("daemonize", false, "-d", "--daemon"),
        new("other", false, "--early-hints", "--log-to-stdout", "--no-log-to-stdout", "--dev-caching", "--no-dev-caching"),
    ];

    public static readonly ImmutableArray<ProcfileFlag> Sidekiq =
    [
        new("config", true, "-C", "--config"),
        new("timeout", true, "-t", "--timeout"),
        new("concurrency", true, "-c", "--concurrency"),
        new("environment", true, "-e", "--environment"),
        new("daemonize", false, "-d", "--daemon"),
        new("logfile", true, "-L", "--logfile"),
        new("pidfile", true, "-P", "--pidfile"),
        new("other", false, "-v", "--verbose", "-V", "--version"),
        new("other", true, "-q", "--queue", "-r", "--require", "-g", "--tag"),
    ];

    /// <summary>
    /// The options and positional words of <paramref name="args"/>: <c>--name value</c>, <c>--name=value</c>,
    /// <c>-n value</c> and <c>-nVALUE</c>, as Ruby's OptionParser takes them.
    /// </summary>
    public static IEnumerable<ReadFlag> Read(IReadOnlyList<string> args, ImmutableArray<ProcfileFlag> table)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (!word.StartsWith('-') || word == "-")
            {
                yield return new ReadFlag(Positional, word, word);
                continue;
            }

            var (name, attached) = word.StartsWith("--", StringComparison.Ordinal) && word.IndexOf('=', StringComparison.Ordinal) is > 2 and var eq
                ? (word[..eq], word[(eq + 1)..])
                : (word, null);
            var flag = table.FirstOrDefault(f => f.Names.Contains(name));
            if (flag is null && !word.StartsWith("--", StringComparison.Ordinal) && word.Length > 2)
            {
                // -p5000: a short option with its value attached.
                flag = table.FirstOrDefault(f => f.TakesValue && f.Names.Contains(word[..2]));
                if (flag is not null)
                {
                    (name, attached) = (word[..2], word[2..]);
                }
            }

            if (flag is null)
            {
                yield return new ReadFlag(null, word, attached);
            }
            else if (!flag.TakesValue || attached is not null)
            {
                yield return new ReadFlag(flag.Key, word, attached);
            }
            else if (i + 1 < args.Count)
            {
                yield return new ReadFlag(flag.Key, $"{word} {args[i + 1]}", args[i + 1]);
                i++;
            }
            else
            {
                yield return new ReadFlag(null, word, null);
            }
        }
    }
}
