using System.Collections.Immutable;
using UnitGen.Model.Facts;
using UnitGen.Model.Servers;

namespace UnitGen.Lint.Import;

/// <summary>An option of a program's command line: what it means to the importer (<see cref="Key"/>) and its spellings.</summary>
internal sealed record ProcfileFlag(string Key, bool TakesValue, params string[] Names);

/// <summary>One option (or positional word) as a command line says it: its key (null for an option the table lacks), the words, the value.</summary>
internal sealed record ReadFlag(string? Key, string Text, string? Value);

/// <summary>
/// The options of the programs a Procfile starts that the importer reads, each table checked in the
/// program's own option parser: the web servers' from their profiles (<see cref="Of"/>), Rails'
/// <c>rails server</c> (railties <c>lib/rails/commands/server/server_command.rb</c>), sidekiq 6.4.1
/// <c>lib/sidekiq/cli.rb</c> <c>parse_options</c>. An option missing here is reported, never guessed at.
/// </summary>
internal static class ProcfileFlags
{
    public const string Positional = "positional";

    /// <summary>
    /// A web server's options, from its profile's table (<see cref="ServerProfile.CommandOptions"/>, checked in its
    /// option parser): the model key an option sets, else what it decides (config, bind, port, host), else
    /// <c>daemonize</c> or <c>other</c>. An option with an optional value takes one only attached (<c>--fork-worker=N</c>),
    /// as OptionParser reads it.
    /// </summary>
    public static ImmutableArray<ProcfileFlag> Of(ServerProfile server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return [.. server.CommandOptions.Select(o => new ProcfileFlag(
            o.ModelKey ?? o.Role switch
            {
                ServerOptionRole.Config => "config",
                ServerOptionRole.Bind => "bind",
                ServerOptionRole.Port => "port",
                ServerOptionRole.Host => "host",
                _ when server.DaemonizeOptions.Contains($"--{o.Name}") => "daemonize",
                _ => "other",
            },
            o.Value == OptionValue.Required,
            [.. o.Letter is { } letter ? [$"-{letter}"] : Array.Empty<string>(), $"--{o.Name}"]))];
    }

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
