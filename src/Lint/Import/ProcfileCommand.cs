using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using UnitGen.Model.Loading;

namespace UnitGen.Lint.Import;

/// <summary>
/// A Procfile command as argv. foreman runs each command through a shell (systemd export: <c>/bin/bash -lc
/// 'exec -a NAME COMMAND'</c>; runit export: the run script's <c>sh</c>), with <c>PORT</c> set to the process's
/// port. A command of plain words needs no shell: <c>$PORT</c> is replaced by that port, a leading <c>exec</c>
/// and leading <c>NAME=value</c> words are taken apart, and the rest is split as a POSIX shell splits words.
/// Anything a shell would do more (other variables, <c>&amp;&amp;</c>, pipes, globs, redirections) keeps the shell:
/// <see cref="ShellReason"/> says why.
/// </summary>
internal sealed partial record ProcfileCommand
{
    public required string Text { get; init; }

    /// <summary>The argv without leading <c>exec</c> and <c>NAME=value</c> words; empty when <see cref="ShellReason"/> is set.</summary>
    public ImmutableArray<string> Words { get; init; } = [];

    /// <summary>Leading <c>NAME=value</c> words, which the shell puts in the program's environment.</summary>
    public ImmutableArray<(string Name, string Value)> Assignments { get; init; } = [];

    /// <summary>Why the command needs a shell (null when it is plain words).</summary>
    public string? ShellReason { get; init; }

    /// <summary>Whether the command says <c>$PORT</c> (or <c>${PORT}</c>, <c>${PORT:-N}</c>).</summary>
    public bool SaysPort { get; init; }

    /// <summary>The text with <c>$PORT</c> replaced, as the shell command UnitGen runs when one is needed.</summary>
    public required string ShellText { get; init; }

    public static ProcfileCommand Read(string text, int port)
    {
        ArgumentNullException.ThrowIfNull(text);
        var saysPort = PortVariable().IsMatch(text);
        var substituted = PortVariable().Replace(text, port.ToString(CultureInfo.InvariantCulture));
        var trimmed = substituted.Trim();
        if (ShellSyntax(trimmed) is { } reason || CommandLineSplitter.Split(trimmed) is not { } split)
        {
            return new ProcfileCommand { Text = text, ShellText = trimmed, SaysPort = saysPort, ShellReason = ShellSyntax(trimmed) ?? "a quote is not closed" };
        }

        var words = split.AsSpan();
        var assignments = ImmutableArray.CreateBuilder<(string, string)>();
        while (words.Length > 0 && (words[0] == "exec" || Assignment().Match(words[0]) is { Success: true }))
        {
            if (Assignment().Match(words[0]) is { Success: true } m)
            {
                assignments.Add((m.Groups[1].Value, m.Groups[2].Value));
            }

            words = words[1..];
        }

        return new ProcfileCommand
        {
            Text = text,
            ShellText = trimmed,
            SaysPort = saysPort,
            Words = [.. words],
            Assignments = assignments.ToImmutable(),
            ShellReason = words.IsEmpty ? "it runs no program" : null,
        };
    }

    /// <summary>The first shell feature the text uses outside single quotes, named; null when it is plain words.</summary>
    private static string? ShellSyntax(string text)
    {
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '\'')
            {
                quote = c == '\'' ? '\0' : quote;
                continue;
            }

            if (c == '\\')
            {
                i++;
                continue;
            }

            if (quote == '"')
            {
                if (c == '"')
                {
                    quote = '\0';
                }
                else if (c is '$' or '`')
                {
                    return $"`{c}` inside double quotes (a variable or command substitution)";
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '$' or '`':
                    return $"`{c}` (a variable or command substitution)";
                case '|' or '&' or ';':
                    return $"`{c}` (a list or pipeline of commands)";
                case '<' or '>':
                    return $"`{c}` (a redirection)";
                case '*' or '?' or '[':
                    return $"`{c}` (a pattern the shell expands)";
                case '(' or ')' or '{' or '}' or '\n':
                    return $"`{(c == '\n' ? "\\n" : c.ToString())}` (shell syntax)";
                case '#' or '~' when i == 0 || text[i - 1] is ' ' or '\t':
                    return c == '#' ? "`#` (a comment)" : "`~` (the home folder)";
            }
        }

        return null;
    }

    [GeneratedRegex(@"\$\{PORT(?::?-[^}]*)?\}|\$PORT(?![A-Za-z0-9_])", RegexOptions.CultureInvariant)]
    private static partial Regex PortVariable();

    [GeneratedRegex(@"\A([A-Za-z_][A-Za-z0-9_]*)=(.*)\z", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Assignment();
}
