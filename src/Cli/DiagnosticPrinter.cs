using System.Text.Json;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Cli;

/// <summary>
/// Prints diagnostics in MSBuild canonical form (<c>file(line,col): error UG0101: message</c>) on
/// stderr, or as one JSON document on stdout for machines.
/// </summary>
internal sealed class DiagnosticPrinter(TextWriter stdout, TextWriter stderr, OutputFormat format)
{
    public void Print(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        if (format == OutputFormat.Json)
        {
            stdout.WriteLine(ToJson(diagnostics));
            return;
        }

        foreach (var d in diagnostics)
        {
            stderr.WriteLine(d.ToString());
        }
    }

    public static string ToJson(IEnumerable<Diagnostic> diagnostics)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            WriteDiagnostics(json, diagnostics);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The <c>"diagnostics": [...]</c> member, for commands whose JSON document says more.</summary>
    public static void WriteDiagnostics(Utf8JsonWriter json, IEnumerable<Diagnostic> diagnostics)
    {
        json.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("file", d.Location.File);
            json.WriteNumber("line", d.Location.Line);
            json.WriteNumber("column", d.Location.Column);
            json.WriteString("severity", d.SeverityText);
            json.WriteString("code", d.Code);
            json.WriteString("message", d.Message);
            if (d.Fix is not null)
            {
                json.WriteString("fix", d.Fix);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// The closing line of validate and lint: errors, warnings and info counted apart (an info diagnostic is advice
    /// such as UG0603's restart commands, not a problem).
    /// </summary>
    public static string Summary(int inputs, string what, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        var info = diagnostics.Count - errors - warnings;
        return $"{inputs} {what}: {errors} error(s), {warnings} warning(s), {info} info.";
    }
}
