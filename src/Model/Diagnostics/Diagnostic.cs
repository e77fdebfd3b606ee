namespace UnitGen.Model.Diagnostics;

/// <summary>One finding, printed in MSBuild canonical form: <c>file(line,col): error UG0101: message</c>.</summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, string? Fix, SourceLocation Location)
{
    /// <summary>What goes wrong; values quoted in it are escaped so the diagnostic stays one line.</summary>
    public string Message { get; init; } = OneLineText.Escape(Message);

    public string? Fix { get; init; } = Fix is null ? null : OneLineText.Escape(Fix);

    /// <summary>
    /// The model path of the value the diagnostic is about (<c>server.binds[0]</c>, <c>listen[1].uri</c>);
    /// null for problems of the YAML text itself (syntax, unknown keys).
    /// </summary>
    public string? Path { get; init; }

    public bool IsError => Severity == Severity.Error;

    public string SeverityText => Severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The message followed by the fix, as one line.</summary>
    public string FullMessage => Fix is null ? Message : $"{Message} Fix: {Fix}";

    /// <summary>
    /// The canonical line. A diagnostic of a model built in code has no file and no position: it names
    /// the model path instead.
    /// </summary>
    public override string ToString() =>
        $"{(Location is { File.Length: 0, Line: 0 } && Path is not null ? Path : Location.ToString())}: {SeverityText} {Code}: {FullMessage}";
}
