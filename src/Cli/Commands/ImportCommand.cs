using System.CommandLine;
using UnitGen.Lint;
using UnitGen.Lint.Import;

namespace UnitGen.Cli.Commands;

/// <summary>
/// <c>unitgen import FILE... --out unitgen.yaml</c>: a model from existing hand-written files; or
/// <c>unitgen import Procfile [--env FILE]</c> with foreman's export options under foreman's names.
/// </summary>
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
        var foreman = new ForemanCliOptions();
        var command = new Command("import", "Write a unitgen.yaml from existing units and app configs, or from a Procfile (foreman's format), with a comment on every setting not carried over.") { files, output, force, instance };
        foreman.AddTo(command);
        command.SetAction(parse =>
        {
            var given = parse.GetValue(files)!;
            if (given is [var single] && IsProcfile(single))
            {
                return ImportProcfile(single, foreman.Read(parse), parse.GetValue(output)!, parse.GetValue(force), stdout, stderr);
            }

            if (foreman.AnyGiven(parse))
            {
                stderr.WriteLine("unitgen: error: --env, --app, --user, --root, --port, --formation, --timeout, --log, --run and --template are foreman's export options: they go with a Procfile only.");
                return ExitCodes.Usage;
            }

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

    /// <summary>foreman's file name: <c>Procfile</c>, or a variant such as <c>Procfile.dev</c>.</summary>
    private static bool IsProcfile(string path) =>
        Path.GetFileName(path) is var name && (name == "Procfile" || name.StartsWith("Procfile.", StringComparison.Ordinal));

    private static int ImportProcfile(string procfile, ForemanOptions options, string output, bool force, TextWriter stdout, TextWriter stderr)
    {
        var root = options.Root ?? Path.GetDirectoryName(Path.GetFullPath(procfile))!;
        // foreman reads ROOT/.env when no --env is given (lib/foreman/cli.rb load_environment!).
        var envPaths = !options.EnvFiles.IsEmpty ? options.EnvFiles
            : File.Exists(Path.Combine(root, ".env")) ? [Path.Combine(root, ".env")] : [];
        string text;
        var envFiles = new List<(string, string)>();
        try
        {
            text = File.ReadAllText(procfile);
            foreach (var env in envPaths)
            {
                envFiles.Add((env, File.ReadAllText(env)));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"unitgen: error: cannot read: {e.Message}");
            return ExitCodes.Usage;
        }

        var imported = ProcfileImporter.Import(procfile, text, options, envFiles);
        if (options.EnvFiles.IsEmpty && envPaths.Length == 1)
        {
            stdout.WriteLine($"read {envPaths[0]}, foreman's default .env.");
        }

        if (NewFile.Write(output, ModelYamlWriter.Write(imported), force, stderr) != ExitCodes.Ok)
        {
            return ExitCodes.Usage;
        }

        stdout.WriteLine($"wrote {output} ({imported.Model.Processes.Length} process(es), {imported.NotImported.Length} setting(s) not imported, each named in a comment). Next: unitgen validate {output}");
        return ExitCodes.Ok;
    }
}
