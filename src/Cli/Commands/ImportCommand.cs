using System.CommandLine;
using UnitGen.Lint;
using UnitGen.Lint.Import;

namespace UnitGen.Cli.Commands;

/// <summary><c>unitgen import FILE... --out unitgen.yaml</c>: a model from existing hand-written files.</summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "One .service (plus its .socket, puma.rb/unicorn.rb and env file).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the model.", DefaultValueFactory = _ => "unitgen.yaml" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var command = new Command("import", "Write a unitgen.yaml from existing units and app configs, with a comment on what was not carried over.") { files, output, force };
        command.SetAction(parse =>
        {
            if (LintCommand.Read(parse.GetValue(files)!, stderr) is not { } inputs)
            {
                return ExitCodes.Usage;
            }

            var services = LintModelBuilder.Build(inputs);
            if (services.Length != 1)
            {
                stderr.WriteLine($"unitgen: error: import needs exactly one .service among the files; found {services.Length}.");
                return ExitCodes.Usage;
            }

            var path = parse.GetValue(output)!;
            if (NewFile.Write(path, ModelYamlWriter.Write(services[0].Model, services[0].NotCarried), parse.GetValue(force), stderr) != ExitCodes.Ok)
            {
                return ExitCodes.Usage;
            }

            stdout.WriteLine($"wrote {path} ({services[0].NotCarried.Length} item(s) not carried over, as comments). Next: unitgen validate {path}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
