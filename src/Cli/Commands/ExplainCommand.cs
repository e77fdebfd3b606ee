using System.CommandLine;
using UnitGen.Lint;

namespace UnitGen.Cli.Commands;

/// <summary><c>unitgen explain CODE</c>: the catalogue entry behind a diagnostic.</summary>
internal static class ExplainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var code = new Argument<string>("CODE") { Description = "A diagnostic code such as UG0101; `all` lists every code." };
        var command = new Command("explain", "Explain a diagnostic code: what goes wrong, why, and the fix.") { code };
        command.SetAction(parse =>
        {
            var wanted = parse.GetValue(code)!;
            if (wanted == "all")
            {
                foreach (var d in CodeCatalog.All)
                {
                    stdout.WriteLine($"{d.Code}  {d.Severity.ToString().ToLowerInvariant(),-7}  {d.Title}");
                }

                return ExitCodes.Ok;
            }

            if (CodeCatalog.Find(wanted) is not { } entry)
            {
                stderr.WriteLine($"unitgen: error: unknown code `{wanted}`. Run `unitgen explain all` for the list.");
                return ExitCodes.Usage;
            }

            stdout.WriteLine($"{entry.Code} ({entry.Severity.ToString().ToLowerInvariant()}): {entry.Title}");
            stdout.WriteLine();
            stdout.WriteLine(entry.Explanation);
            stdout.WriteLine();
            stdout.WriteLine($"Fix: {entry.Fix}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
