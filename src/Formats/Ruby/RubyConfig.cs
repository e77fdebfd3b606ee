using System.Collections.Immutable;
using UnitGen.Formats.Systemd;

namespace UnitGen.Formats.Ruby;

/// <summary>A value in a puma.rb / unicorn.rb read without running Ruby.</summary>
public abstract record RubyValue
{
    /// <summary>The value when it is known without the process environment; null otherwise.</summary>
    public virtual object? Known => null;
}

public sealed record RubyString(string Value) : RubyValue
{
    public override object? Known => Value;
}

public sealed record RubyInteger(long Value) : RubyValue
{
    public override object? Known => Value;
}

public sealed record RubyBoolean(bool Value) : RubyValue
{
    public override object? Known => Value;
}

public sealed record RubySymbol(string Name) : RubyValue
{
    public override object? Known => Name;
}

/// <summary><c>ENV['X'] || d</c>, <c>ENV.fetch('X') { d }</c>, <c>Integer(ENV['X'] || d)</c>: the variable, else the default.</summary>
public sealed record RubyEnvOrDefault(string Variable, RubyValue? Default) : RubyValue;

/// <summary>
/// A double-quoted string with <c>#{…}</c> whose every interpolation the reader could read: the literal text and the
/// values in order. <c>"tcp://0.0.0.0:#{ENV.fetch('PORT', 3000)}"</c> is the text, then PORT-or-3000.
/// </summary>
public sealed record RubyInterpolated(ImmutableArray<RubyValue> Parts) : RubyValue
{
    public override object? Known => Resolve(p => p.Known);

    /// <summary>The string Ruby builds when each part is what <paramref name="part"/> says (to_s of it); null when one is unknown.</summary>
    public string? Resolve(Func<RubyValue, object?> part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var text = new System.Text.StringBuilder();
        foreach (var p in Parts)
        {
            switch (part(p))
            {
                case null: return null;
                case bool b: text.Append(b ? "true" : "false"); break;
                case var v: text.Append(System.Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)); break;
            }
        }

        return text.ToString();
    }

    public bool Equals(RubyInterpolated? other) => other is not null && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode() => Parts.Aggregate(0, (h, p) => HashCode.Combine(h, p));
}

/// <summary>An expression UnitGen does not evaluate; reported as not understood, never guessed.</summary>
public sealed record RubyUnknown(string Text) : RubyValue;

/// <summary>
/// One top-level DSL call: <c>bind "tcp://…"</c>, <c>workers 2</c>, <c>preload_app!</c>.
/// <see cref="Conditional"/> calls have an <c>if</c>/<c>unless</c> modifier: they may not run.
/// </summary>
public sealed record RubyCall(string Method, ImmutableArray<RubyValue> Arguments, int Line, int Column, bool Conditional);

/// <summary>What the reader found: the calls in order, and the statements it could not read.</summary>
public sealed record RubyConfig(ImmutableArray<RubyCall> Calls, ImmutableArray<UnitSyntaxIssue> NotUnderstood)
{
    public IEnumerable<RubyCall> All(string method) => Calls.Where(c => c.Method == method && !c.Conditional);

    public RubyCall? Last(string method) => All(method).LastOrDefault();
}
