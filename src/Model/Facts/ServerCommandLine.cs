using System.Collections.Immutable;
using UnitGen.Model.Loading;

namespace UnitGen.Model.Facts;

/// <summary>One option found on the server's command line.</summary>
/// <param name="Word">Index of the option's first word in <c>server.command</c> (for a shell script: the script's word).</param>
/// <param name="Role">What the option decides.</param>
/// <param name="Text">The option as written, with its value when that is a word of its own.</param>
/// <param name="Value">The option's value; null when it takes none.</param>
internal sealed record ServerArgument(int Word, ServerOptionRole Role, string Text, string? Value);

/// <summary>
/// An explicit <c>server.command</c> read the way it runs: through the launchers in front of the server
/// (<c>bundle exec</c>, <c>env</c>, <c>ruby</c>, <c>rbenv exec</c>, <c>rvm … do</c>, <c>chruby-exec … --</c>, the
/// last command of <c>sh -c</c>) to the server program itself (<c>puma</c>, <c>/usr/bin/puma</c>, a binstub
/// <c>DIR/bin/puma</c>), then the server's options by its own option table (<see cref="Servers.ServerProfile.CommandOptions"/>).
/// </summary>
internal sealed record ServerCommandLine
{
    private static readonly string[] Shells = ["sh", "bash", "dash", "zsh"];

    private ServerCommandLine(ImmutableArray<string> argv, int program, int scriptWord, ImmutableArray<ServerArgument> arguments)
    {
        Argv = argv;
        Program = program;
        ScriptWord = scriptWord;
        Arguments = arguments;
    }

    public ImmutableArray<string> Argv { get; }

    /// <summary>Index of the server program in <see cref="Argv"/> (or in the shell script's words); -1 when not found.</summary>
    public int Program { get; }

    /// <summary>Index of the <c>sh -c</c> script in <see cref="Argv"/> when the server runs inside one; else -1.</summary>
    public int ScriptWord { get; }

    public bool FoundServer => Program >= 0;

    /// <summary>The server starts inside a shell script: UnitGen cannot add words to it.</summary>
    public bool InShell => ScriptWord >= 0;

    public ImmutableArray<ServerArgument> Arguments { get; }

    /// <summary>Index in <c>server.command</c> to report a finding about <paramref name="argument"/> at.</summary>
    public int WordOf(ServerArgument argument) => InShell ? ScriptWord : Require(argument).Word;

    public static ServerCommandLine Parse(Servers.ServerProfile profile, ImmutableArray<string> argv)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var names = profile.ProgramNames;
        if (names.IsEmpty || argv.IsEmpty)
        {
            return new(argv, -1, -1, []);
        }

        var program = FindProgram(names, argv, 0);
        if (program >= 0)
        {
            return new(argv, program, -1, ReadOptions(profile.CommandOptions, argv, program));
        }

        if (ShellScript(argv) is { } script && LastCommand(argv[script]) is { } words)
        {
            var inScript = FindProgram(names, words, 0);
            return inScript < 0 ? new(argv, -1, script, []) : new(argv, inScript, script, ReadOptions(profile.CommandOptions, words, inScript));
        }

        return new(argv, -1, -1, []);
    }

    /// <summary>
    /// The command with the generated config passed to the server: <c>-C CONFIG</c> (puma) or <c>-c CONFIG</c>
    /// (unicorn) right after the program, unless a config option is already there (UG0211 judges it) or
    /// UnitGen cannot see the server (a wrapper or a shell script: UG0211 refuses the model).
    /// </summary>
    public ImmutableArray<string> WithConfig(Servers.ServerProfile profile, string config)
    {
        // A server UnitGen writes no config file for has no option to pass one with: its command stays as written.
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.ConfigOption is not { } option
            || !FoundServer || InShell || Arguments.Any(a => a.Role is ServerOptionRole.Config or ServerOptionRole.NoConfig))
        {
            return Argv;
        }

        return Argv.InsertRange(Program + 1, ImmutableArray.Create(option, config));
    }

    /// <summary>Whether any word pair of the command reads "config option, then <paramref name="config"/>" (a wrapper that passes it on).</summary>
    public bool MentionsConfig(ServerType type, string config, string? directory)
    {
        var table = Servers.ServerProfiles.Of(type).CommandOptions.Where(o => o.Role == ServerOptionRole.Config).ToList();
        var words = InShell && LastCommand(Argv[ScriptWord]) is { } script ? script : Argv;
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var option in table)
            {
                var shortForm = $"-{option.Letter}";
                var longForm = $"--{option.Name}";
                if (((words[i] == shortForm || words[i] == longForm) && i + 1 < words.Length && SameFile(words[i + 1], config, directory))
                    || (words[i].StartsWith(shortForm, StringComparison.Ordinal) && words[i].Length > 2 && SameFile(words[i][2..], config, directory))
                    || (words[i].StartsWith(longForm + "=", StringComparison.Ordinal) && SameFile(words[i][(longForm.Length + 1)..], config, directory)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a config path as written names <paramref name="config"/>: the server resolves a relative one
    /// against its working directory, which is the model's <c>directory</c> (WorkingDirectory=, runit's cd).
    /// </summary>
    public static bool SameFile(string written, string config, string? directory)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(config);
        var absolute = written.StartsWith('/') ? written : directory is null ? null : $"{directory}/{written}";
        // Lexically, as BindKeys does for socket paths: `.`, `..` and `//` resolved, symlinks not.
        return written == config || (absolute is not null && BindKeys.NormalUnixPath(absolute) == BindKeys.NormalUnixPath(config));
    }

    /// <summary>Walks launchers until the server program; -1 when a word is neither.</summary>
    private static int FindProgram(ImmutableArray<string> names, ImmutableArray<string> w, int i)
    {
        while (i < w.Length)
        {
            var name = Path.GetFileName(w[i]);
            if (names.Contains(name))
            {
                return i;
            }

            i = name switch
            {
                // bundle exec [--keep-file-descriptors] [--gemfile FILE] PROGRAM (bundler lib/bundler/cli.rb `exec`).
                "bundle" or "bundler" => AfterOptions(w, After(w, i + 1, "exec"), ["--gemfile"]),
                // env [-i] [-u NAME] [-C DIR] [NAME=VALUE]... PROGRAM (coreutils env).
                "env" => AfterEnv(w, i + 1),
                "exec" => i + 1,
                "rbenv" => After(w, i + 1, "exec"),
                "rvm" => After(w, i + 1, "do"),
                "chruby-exec" => After(w, i + 1, "--"),
                _ when IsRuby(name) => AfterRubySwitches(w, i + 1),
                _ => -1,
            };
            if (i < 0)
            {
                return -1;
            }
        }

        return -1;
    }

    private static int After(ImmutableArray<string> w, int from, string marker)
    {
        var at = w.IndexOf(marker, from);
        return at < 0 ? -1 : at + 1;
    }

    private static int AfterOptions(ImmutableArray<string> w, int i, string[] withValue)
    {
        while (i >= 0 && i < w.Length && w[i].StartsWith('-'))
        {
            i += withValue.Contains(w[i]) ? 2 : 1;
        }

        return i;
    }

    private static int AfterEnv(ImmutableArray<string> w, int i)
    {
        while (i < w.Length && (w[i].StartsWith('-') || w[i].Contains('=', StringComparison.Ordinal)))
        {
            i += w[i] is "-u" or "--unset" or "-C" or "--chdir" ? 2 : 1;
        }

        return i;
    }

    /// <summary>ruby [switches] SCRIPT: <c>-S</c> names the script to look up in PATH; <c>-e</c> means there is no script.</summary>
    private static int AfterRubySwitches(ImmutableArray<string> w, int i)
    {
        while (i < w.Length && w[i].StartsWith('-'))
        {
            if (w[i] == "-e" || w[i] == "--")
            {
                return w[i] == "--" ? i + 1 : -1;
            }

            // -S is a flag: the next word is the script, looked up in PATH.
            i += w[i] is "-r" or "-I" or "-C" or "-E" ? 2 : 1;
        }

        return i;
    }

    /// <summary>Index of the script of <c>SHELL [options] -c SCRIPT</c>, else null.</summary>
    private static int? ShellScript(ImmutableArray<string> argv)
    {
        if (!Shells.Contains(Path.GetFileName(argv[0])))
        {
            return null;
        }

        for (var i = 1; i + 1 < argv.Length; i++)
        {
            if (argv[i].StartsWith('-') && !argv[i].StartsWith("--", StringComparison.Ordinal) && argv[i].Contains('c', StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>The words of the script's last simple command (after the last <c>&amp;&amp;</c>, <c>||</c>, <c>;</c> or line).</summary>
    private static ImmutableArray<string>? LastCommand(string script)
    {
        var last = script.Split(["&&", "||", ";", "\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return last is null ? null : CommandLineSplitter.Split(last);
    }

    /// <summary>
    /// The server's options after its program word, parsed as Ruby's OptionParser does: options anywhere
    /// (permute mode), <c>--</c> ends them, <c>--long=VALUE</c> or <c>--long VALUE</c>, unique prefixes of long
    /// names, <c>-xVALUE</c> or <c>-x VALUE</c>, and clustered flags (<c>-qs</c>).
    /// </summary>
    private static ImmutableArray<ServerArgument> ReadOptions(ImmutableArray<ServerOption> table, ImmutableArray<string> w, int program)
    {
        var found = ImmutableArray.CreateBuilder<ServerArgument>();
        for (var j = program + 1; j < w.Length; j++)
        {
            var word = w[j];
            if (word == "--")
            {
                break;
            }

            if (word.StartsWith("--", StringComparison.Ordinal))
            {
                var body = word[2..];
                var eq = body.IndexOf('=', StringComparison.Ordinal);
                var value = eq < 0 ? null : body[(eq + 1)..];
                var name = eq < 0 ? body : body[..eq];
                var option = table.FirstOrDefault(o => o.Name == name)
                    ?? (table.Count(o => o.Name.StartsWith(name, StringComparison.Ordinal)) == 1 ? table.First(o => o.Name.StartsWith(name, StringComparison.Ordinal)) : null);
                if (option is null)
                {
                    continue;
                }

                var start = j;
                if (option.Value == OptionValue.Required && value is null && j + 1 < w.Length)
                {
                    value = w[++j];
                }

                found.Add(new ServerArgument(start, option.Role, start == j ? word : $"{word} {value}", value));
            }
            else if (word.Length > 1 && word[0] == '-')
            {
                for (var k = 1; k < word.Length; k++)
                {
                    var option = table.FirstOrDefault(o => o.Letter == word[k]);
                    if (option is null)
                    {
                        break;
                    }

                    if (option.Value == OptionValue.None)
                    {
                        found.Add(new ServerArgument(j, option.Role, $"-{word[k]}", null));
                        continue;
                    }

                    var start = j;
                    var value = k + 1 < word.Length ? word[(k + 1)..] : option.Value == OptionValue.Required && j + 1 < w.Length ? w[++j] : null;
                    found.Add(new ServerArgument(start, option.Role, start == j ? word : $"{word} {value}", value));
                    break;
                }
            }
        }

        return found.ToImmutable();
    }

    private static ServerArgument Require(ServerArgument argument) => argument ?? throw new ArgumentNullException(nameof(argument));

    /// <summary><c>ruby</c>, <c>ruby3.1</c>, <c>jruby</c>.</summary>
    private static bool IsRuby(string name)
    {
        var rest = name.StartsWith("jruby", StringComparison.Ordinal) ? name[5..] : name.StartsWith("ruby", StringComparison.Ordinal) ? name[4..] : null;
        return rest is not null && rest.All(c => char.IsAsciiDigit(c) || c == '.');
    }
}
