using System.CommandLine;

namespace UnitGen.Cli.Commands;

/// <summary><c>unitgen schema</c>: prints the JSON schema of unitgen.yaml (for editors' yaml-language-server).</summary>
internal static class SchemaCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("schema", "Print the JSON Schema (draft-07) of unitgen.yaml.");
        command.SetAction(_ =>
        {
            stdout.Write(Text);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>schemas/unitgen.schema.json, embedded at build time.</summary>
    public static string Text
    {
        get
        {
            using var stream = typeof(SchemaCommand).Assembly.GetManifestResourceStream("unitgen.schema.json")
                ?? throw new InvalidOperationException("The schema resource is missing from the build.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
