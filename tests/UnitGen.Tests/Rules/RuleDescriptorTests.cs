using UnitGen.Lint;
using UnitGen.Model.Diagnostics;
using UnitGen.Tests.Cli;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Rules;

/// <summary>One descriptor per code, shared by the rules that report it and by <c>unitgen explain</c>.</summary>
[Trait(Category.Name, Category.Unit)]
public class RuleDescriptorTests
{
    public static TheoryData<string> Codes => [.. CodeCatalog.All.Select(d => d.Code)];

    [Fact]
    public void Every_code_has_exactly_one_descriptor()
    {
        Assert.Empty(CodeCatalog.Conflicts(CodeCatalog.Declared));
        Assert.Equal(CodeCatalog.All.Length, CodeCatalog.All.Select(d => d.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            CodeCatalog.Declared.Select(d => d.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
            CodeCatalog.All.Select(d => d.Code));
    }

    [Fact]
    public void Two_sources_that_describe_one_code_differently_are_a_conflict()
    {
        var model = new RuleDescriptor("UG0601", Severity.Error, "Title", "Explanation.", "Fix.");
        var lint = model with { Fix = "Another fix." };

        Assert.Equal("UG0601", Assert.Single(CodeCatalog.Conflicts([model, lint])));
        Assert.Empty(CodeCatalog.Conflicts([model, model with { }]));
    }

    [Fact]
    public void Every_descriptor_is_complete()
    {
        Assert.All(CodeCatalog.All, d =>
        {
            Assert.Matches("^UG[0-9]{4}$", d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.Title), d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.Explanation), d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.Fix), d.Code);
        });
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Explain_prints_the_descriptor(string code)
    {
        var d = CodeCatalog.Find(code)!;

        var run = CliRun.Of("explain", code);

        Assert.Equal(0, run.ExitCode);
        var severity = d.Severity.ToString().ToLowerInvariant();
        Assert.Equal($"{d.Code} ({severity}): {d.Title}\n\n{d.Explanation}\n\nFix: {d.Fix}\n", run.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Explain_all_lists_each_code_once_in_order()
    {
        var run = CliRun.Of("explain", "all");

        var listed = run.Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(l => l[..6]).ToArray();
        Assert.Equal(CodeCatalog.All.Select(d => d.Code), listed);
    }

    [Fact]
    public void A_lint_rule_and_a_model_rule_of_one_code_report_the_same_fix()
    {
        var lint = LintRuleCatalog.All.Single(r => r.Code == "UG0601");
        var model = UnitGen.Model.Rules.RuleCatalog.Find("UG0601")!;

        Assert.Equal(model.Descriptor, lint.Descriptor);
    }
}
