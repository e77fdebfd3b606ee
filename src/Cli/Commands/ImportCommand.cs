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
            Description = "One .service (plus its .socket, puma.rb/unicorn.rb and env file; the .socket beside the service is read when not given).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the model.", DefaultValueFactory = _ => "unitgen.yaml" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var instance = new Option<string?>("--instance") { Description = "For a template unit (name@.service): the instance to import, with its specifiers (%i, %I, %n…) replaced as systemd does." };
        var command = new Command("import", "Write a unitgen.yaml from existing units and app configs, with a comment on every setting not carried over.") { files, output, force, instance };
        command.SetAction(parse =>
        {
            if (LintCommand.Read(parse.GetValue(files)!, stderr) is not { } inputs)
            {
                return ExitCodes.Usage;
            }

            if (inputs.Count(f => f.Kind == LintFileKind.Service) == 1 && !inputs.Any(f => f.Kind == LintFileKind.Socket)
                && CompanionSocket.Candidates(inputs.First(f => f.Kind == LintFileKind.Service)).FirstOrDefault(File.Exists) is { } beside)
            {
                if (LintCommand.Read([beside], stderr) is not { } socket)
                {
                    return ExitCodes.Usage;
                }

                inputs.AddRange(socket);
                stdout.WriteLine($"read {beside}, the socket of the service.");
            }

            if (parse.GetValue(instance) is { } name)
            {
                if (!TemplateInstance.IsInstanceName(name) || !inputs.Any(f => f.Kind == LintFileKind.Service && TemplateInstance.IsTemplate(f.Path)))
                {
                    stderr.WriteLine($"unitgen: error: --instance needs a template unit (name@.service) among the files and an instance name systemd accepts (letters, digits, `:_.-`, `\\xNN`); got `{name}`.");
                    return ExitCodes.Usage;
                }

                inputs = [.. inputs.Select(f => f.IsUnit && TemplateInstance.IsTemplate(f.Path) ? TemplateInstance.Instantiate(f, name) : f)];
            }

            var services = LintModelBuilder.Build(inputs);
            if (services.Length != 1)
            {
                stderr.WriteLine($"unitgen: error: import needs exactly one .service among the files; found {services.Length}.");
                return ExitCodes.Usage;
            }

            var imported = ModelImporter.Import(services[0], inputs, parse.GetValue(instance));
            var path = parse.GetValue(output)!;
            if (NewFile.Write(path, ModelYamlWriter.Write(imported), parse.GetValue(force), stderr) != ExitCodes.Ok)
            {
                return ExitCodes.Usage;
            }

            stdout.WriteLine($"wrote {path} ({imported.NotImported.Length} setting(s) not imported, each named in a comment). Next: unitgen validate {path}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
