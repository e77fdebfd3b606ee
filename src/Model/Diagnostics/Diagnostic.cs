namespace UnitGen.Model.Diagnostics;

/// <summary>One finding, printed in MSBuild canonical form: <c>file(line,col): error UG0101: message</c>.</summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, string? Fix, SourceLocation Location)
{
    /// <summary>What goes wrong; values quoted in it are escaped so the diagnostic stays one line.</summary>
    public string Message { get; init; } = OneLineText.Escape(Message);

    public string? Fix { get; init; } = Fix is null ? null : OneLineText.Escape(Fix);

    public bool IsError => Severity == Severity.Error;

    public string SeverityText => Severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The message followed by the fix, as one line.</summary>
    public string FullMessage => Fix is null ? Message : $"{Message} Fix: {Fix}";

    public override string ToString() => $"{Location}: {SeverityText} {Code}: {FullMessage}";
}
