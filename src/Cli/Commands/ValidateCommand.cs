using System.CommandLine;

namespace UnitGen.Cli.Commands;

/// <summary><c>unitgen validate MODEL...</c>: every diagnostic of every model; exit 1 on any error.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var models = new Argument<string[]>("MODEL")
        {
            Description = "One or more unitgen.yaml files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = CliApp.FormatOption();
        var command = new Command("validate", "Check models against every rule without writing anything.") { models, format };
        command.SetAction(parse =>
        {
            if (ModelInput.LoadAndValidate(parse.GetValue(models)!, stderr) is not { } inputs)
            {
                return ExitCodes.Usage;
            }

            var valid = inputs.Where(i => i.Model is not null).Select(i => (i.Model!, i.Map)).ToList();
            var fleet = UnitGen.Model.Rules.Validator.ValidateFleet(valid);
            var diagnostics = inputs.SelectMany(i => i.Diagnostics).Concat(fleet).ToList();
            new DiagnosticPrinter(stdout, stderr, parse.GetValue(format)).Print(diagnostics);
            var failed = inputs.Any(i => i.HasErrors) || fleet.Any(d => d.IsError);
            if (parse.GetValue(format) == OutputFormat.Text)
            {
                stdout.WriteLine(DiagnosticPrinter.Summary(inputs.Length, "model(s)", diagnostics));
            }

            return failed ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
