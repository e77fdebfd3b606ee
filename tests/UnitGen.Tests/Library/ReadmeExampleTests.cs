using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using UnitGen.Emitters;
using UnitGen.Model;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Library;

/// <summary>
/// The README's "Use it as a library" example, compiled against the built UnitGen.Model and
/// UnitGen.Emitters (public API only: no InternalsVisibleTo reaches it) and run. The C# compiler
/// (Roslyn, in-process) takes a few seconds of CPU, so this is not in the fast set.
/// </summary>
[Trait(Category.Name, Category.RealTool)]
public partial class ReadmeExampleTests
{
    private static readonly Lock ConsoleLock = new();

    [Fact]
    public void The_library_example_compiles_against_the_public_api_and_runs()
    {
        using var dir = new TempFolder();
        var assembly = Compile(ExampleCode());

        var output = Run(assembly, dir.Path);

        Assert.Contains("server.workers: error UG0006: -2 is out of range for `workers`. Fix: Use a number from 0 to 1024.", output, StringComparison.Ordinal);
        Assert.Contains("Created systemd/shop.service", output, StringComparison.Ordinal);
        Assert.Contains("up to date", output, StringComparison.Ordinal);
        Assert.Contains("unitgen.yaml(5,11): error UG0006: Port 0 is out of range. Fix: Use a port from 1 to 65535.", output, StringComparison.Ordinal);
        Assert.Contains("[::1]:9292", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "systemd", "shop.socket")));
    }

    [Fact]
    public void The_compiler_used_here_refuses_internal_names_negative_control()
    {
        var errors = Diagnose("var rules = UnitGen.Model.Rules.RuleCatalog.All;");

        Assert.Contains(errors, d => d.Id == "CS0122"); // inaccessible due to its protection level
    }

    private static string ExampleCode()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Use it as a library", StringComparison.Ordinal)..];
        return CSharpBlock().Match(section).Groups[1].Value;
    }

    private static Assembly Compile(string code)
    {
        var compilation = Compilation(code);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(stream.ToArray());
    }

    private static IReadOnlyList<Diagnostic> Diagnose(string code) =>
        [.. Compilation(code).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];

    private static CSharpCompilation Compilation(string code)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll");
        var references = platform
            .Concat([typeof(ServiceModel).Assembly.Location, typeof(EmittedFile).Assembly.Location])
            .Distinct(StringComparer.Ordinal)
            .Select(p => MetadataReference.CreateFromFile(p));
        // The SDK's implicit usings of a console app.
        var implicitUsings = CSharpSyntaxTree.ParseText(
            "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Threading.Tasks;");
        return CSharpCompilation.Create(
            "ReadmeExample",
            [implicitUsings, CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static string Run(Assembly assembly, string outputFolder)
    {
        lock (ConsoleLock)
        {
            var original = Console.Out;
            using var captured = new StringWriter();
            Console.SetOut(captured);
            try
            {
                assembly.EntryPoint!.Invoke(null, [new[] { outputFolder }]);
            }
            finally
            {
                Console.SetOut(original);
            }

            return captured.ToString();
        }
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
