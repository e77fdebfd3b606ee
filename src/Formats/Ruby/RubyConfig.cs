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
