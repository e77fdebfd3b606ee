using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UnitGen.Formats.Systemd;

namespace UnitGen.Formats.Ruby;

/// <summary>
/// Reads puma.rb and unicorn.rb statically: top-level DSL calls with literal arguments, local
/// variables assigned from literals or <c>ENV</c>, and the "env or default" idioms of Rails'
/// generated puma.rb. Blocks (<c>on_worker_boot do … end</c>) are recorded as calls and their bodies
/// skipped. Anything else is listed in <see cref="RubyConfig.NotUnderstood"/>: never run, never guessed.
/// </summary>
public static partial class RubyConfigReader
{
    public static RubyConfig Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var calls = ImmutableArray.CreateBuilder<RubyCall>();
        var notUnderstood = ImmutableArray.CreateBuilder<UnitSyntaxIssue>();
        var locals = new Dictionary<string, RubyValue>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var lineNo = i + 1;
            var statement = StripComment(raw).Trim();
            var column = raw.Length - raw.TrimStart().Length + 1;
            if (statement.Length == 0 || statement.StartsWith("require", StringComparison.Ordinal))
            {
                continue;
            }

            if (KeywordStatement().IsMatch(statement))
            {
                // Control flow decides at run time what is configured: report it, skip its body.
                notUnderstood.Add(new UnitSyntaxIssue(i + 1, column, $"Not understood: `{statement}` (control flow is not evaluated)."));
                if (Opener().IsMatch(statement))
                {
                    i = SkipBlock(lines, i);
                }

                continue;
            }

            var conditional = false;
            var modifier = Modifier().Match(statement);
            if (modifier.Success)
            {
                conditional = true;
                statement = statement[..modifier.Index].TrimEnd();
            }

            var opensBlock = BlockStart().IsMatch(statement);
            if (opensBlock)
            {
                statement = BlockStart().Replace(statement, string.Empty).TrimEnd();
                i = SkipBlock(lines, i);
            }

            if (Assignment().Match(statement) is { Success: true } assign)
            {
                locals[assign.Groups["name"].Value] = Value(assign.Groups["value"].Value.Trim(), locals);
                continue;
            }

            if (Call().Match(statement) is not { Success: true } call)
            {
                notUnderstood.Add(new UnitSyntaxIssue(lineNo, column, $"Not understood: `{statement}`."));
                continue;
            }

            var args = call.Groups["args"].Value.Trim();
            if (args.StartsWith('(') && args.EndsWith(')'))
            {
                args = args[1..^1];
            }

            var values = SplitArguments(args)
                .Where(a => !KeywordArgument().IsMatch(a))
                .Select(a => Value(a, locals))
                .ToImmutableArray();
            calls.Add(new RubyCall(call.Groups["method"].Value, values, lineNo, column, conditional));
            if (conditional)
            {
                notUnderstood.Add(new UnitSyntaxIssue(lineNo, column, $"`{call.Groups["method"].Value}` runs only under a condition; it is not taken as set."));
            }

            foreach (var unknown in values.OfType<RubyUnknown>())
            {
                notUnderstood.Add(new UnitSyntaxIssue(lineNo, column, $"Not understood: `{unknown.Text}` in `{call.Groups["method"].Value}`."));
            }
        }

        return new RubyConfig(calls.ToImmutable(), notUnderstood.ToImmutable());
    }

    private static RubyValue Value(string text, Dictionary<string, RubyValue> locals)
    {
        text = text.Trim();
        if (text.Length >= 2 && text[0] == text[^1] && text[0] is '"' or '\'')
        {
            return text[0] == '"' && Interpolates(text[1..^1])
                ? Interpolated(text, locals)
                : new RubyString(Unescape(text[1..^1], text[0]));
        }

        if (long.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return new RubyInteger(n);
        }

        switch (text)
        {
            case "true": return new RubyBoolean(true);
            case "false": return new RubyBoolean(false);
        }

        if (text.StartsWith(':') && SymbolName().IsMatch(text[1..]))
        {
            return new RubySymbol(text[1..]);
        }

        if (locals.TryGetValue(text, out var local))
        {
            return local;
        }

        // Integer(x), x.to_i and x.to_s keep the meaning "env or default" for our purposes.
        if (Wrapped().Match(text) is { Success: true } wrapped)
        {
            return Value(wrapped.Groups["inner"].Value, locals);
        }

        if (text.EndsWith(".to_i", StringComparison.Ordinal) || text.EndsWith(".to_s", StringComparison.Ordinal))
        {
            return Value(text[..^5], locals);
        }

        if (EnvFetch().Match(text) is { Success: true } fetch)
        {
            var fallback = fetch.Groups["block"].Success ? fetch.Groups["block"].Value : fetch.Groups["default"].Success ? fetch.Groups["default"].Value : null;
            return new RubyEnvOrDefault(fetch.Groups["name"].Value, fallback is null ? null : Value(fallback, locals));
        }

        if (EnvIndex().Match(text) is { Success: true } index)
        {
            var fallback = index.Groups["default"].Success ? Value(index.Groups["default"].Value, locals) : null;
            return new RubyEnvOrDefault(index.Groups["name"].Value, fallback);
        }

        return new RubyUnknown(text);
    }

    /// <summary>
    /// A double-quoted string with <c>#{expr}</c>: each expr read like an argument (a local, <c>ENV.fetch</c>, a literal);
    /// unknown as a whole when one of them is.
    /// </summary>
    private static RubyValue Interpolated(string text, Dictionary<string, RubyValue> locals)
    {
        var body = text[1..^1];
        var parts = ImmutableArray.CreateBuilder<RubyValue>();
        var literal = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\' && i + 1 < body.Length)
            {
                literal.Append(body, i, 2);
                i++;
                continue;
            }

            if (body[i] != '#' || i + 1 >= body.Length || body[i + 1] != '{')
            {
                literal.Append(body[i]);
                continue;
            }

            // The matching brace: `#{ENV.fetch("PORT") { 3000 }}` nests one.
            var depth = 0;
            var end = -1;
            for (var j = i + 1; j < body.Length && end < 0; j++)
            {
                depth += body[j] == '{' ? 1 : body[j] == '}' ? -1 : 0;
                end = depth == 0 ? j : -1;
            }

            if (end < 0 || Value(body[(i + 2)..end], locals) is var value && value is RubyUnknown)
            {
                return new RubyUnknown(text);
            }

            if (literal.Length > 0)
            {
                parts.Add(new RubyString(Unescape(literal.ToString(), '"')));
                literal.Clear();
            }

            parts.Add(value);
            i = end;
        }

        if (literal.Length > 0)
        {
            parts.Add(new RubyString(Unescape(literal.ToString(), '"')));
        }

        return new RubyInterpolated(parts.ToImmutable());
    }

    /// <summary>
    /// Whether a double-quoted body holds an interpolation: an unescaped <c>#{</c>. <c>\#{</c> is the
    /// literal text <c>#{</c> (RubyWriter escapes every <c>#</c> that way).
    /// </summary>
    private static bool Interpolates(string body)
    {
        for (var i = 0; i + 1 < body.Length; i++)
        {
            if (body[i] == '\\')
            {
                i++;
            }
            else if (body[i] == '#' && body[i + 1] == '{')
            {
                return true;
            }
        }

        return false;
    }

    private static string Unescape(string body, char quote)
    {
        var text = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\' && i + 1 < body.Length)
            {
                var c = body[++i];
                text.Append(quote == '\'' ? (c is '\\' or '\'' ? c.ToString() : "\\" + c) : c switch
                {
                    'n' => "\n",
                    't' => "\t",
                    'e' => "\u001b",
                    '0' => "\0",
                    _ => c.ToString(),
                });
                continue;
            }

            text.Append(body[i]);
        }

        return text.ToString();
    }

    /// <summary>Splits on commas outside quotes, parentheses, brackets and braces.</summary>
    private static List<string> SplitArguments(string args)
    {
        var parts = new List<string>();
        var depth = 0;
        char? quote = null;
        var start = 0;
        for (var i = 0; i < args.Length; i++)
        {
            var c = args[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'': quote = c; break;
                case '(' or '[' or '{': depth++; break;
                case ')' or ']' or '}': depth--; break;
                case ',' when depth == 0:
                    parts.Add(args[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }

        if (args[start..].Trim() is { Length: > 0 } last)
        {
            parts.Add(last);
        }

        return parts;
    }

    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#')
            {
                return line[..i];
            }
        }

        return line;
    }

    /// <summary>Skips to the <c>end</c> that closes the block opened on line <paramref name="start"/>.</summary>
    private static int SkipBlock(string[] lines, int start)
    {
        var depth = 1;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var s = StripComment(lines[i]).Trim();
            if (Opener().IsMatch(s))
            {
                depth++;
            }

            if (s == "end" || s.StartsWith("end ", StringComparison.Ordinal) || s.EndsWith(" end", StringComparison.Ordinal) || s == "}")
            {
                if (--depth == 0)
                {
                    return i;
                }
            }
        }

        return lines.Length - 1;
    }

    [GeneratedRegex(@"\s+(if|unless)\s+.+$")]
    private static partial Regex Modifier();

    [GeneratedRegex(@"\s+(do(\s*\|[^|]*\|)?|\{(\s*\|[^|]*\|)?)\s*$")]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"(^(if|unless|while|until|case|begin|def|class|module)\b)|(\bdo(\s*\|[^|]*\|)?\s*$)")]
    private static partial Regex Opener();

    [GeneratedRegex(@"^(if|unless|while|until|case|begin|def|class|module|else|elsif|end|return)\b")]
    private static partial Regex KeywordStatement();

    [GeneratedRegex(@"^(?<name>[a-z_][a-zA-Z0-9_]*)\s*=(?!=)\s*(?<value>.+)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^(?<method>[a-z_][a-zA-Z0-9_]*[!?]?)(?<args>(\s+|\().*)?$")]
    private static partial Regex Call();

    [GeneratedRegex(@"^[a-z_][a-zA-Z0-9_]*:\s")]
    private static partial Regex KeywordArgument();

    [GeneratedRegex(@"^[a-zA-Z_][a-zA-Z0-9_]*[!?]?$")]
    private static partial Regex SymbolName();

    [GeneratedRegex(@"^(Integer|String|Float)\((?<inner>.+)\)$")]
    private static partial Regex Wrapped();

    [GeneratedRegex(@"^ENV\.fetch\(\s*(['""])(?<name>[A-Za-z_][A-Za-z0-9_]*)\1\s*(,\s*(?<default>[^)]+))?\)(\s*\{\s*(?<block>[^}]+?)\s*\})?$")]
    private static partial Regex EnvFetch();

    [GeneratedRegex(@"^ENV\[\s*(['""])(?<name>[A-Za-z_][A-Za-z0-9_]*)\1\s*\](\s*\|\|\s*(?<default>.+))?$")]
    private static partial Regex EnvIndex();
}
