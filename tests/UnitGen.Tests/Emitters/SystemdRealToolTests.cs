using System.Globalization;
using System.Text.RegularExpressions;
using UnitGen.Emitters;
using UnitGen.Emitters.Output;
using UnitGen.Model;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;
using Xunit.Abstractions;

namespace UnitGen.Tests.Emitters;

/// <summary>systemd 252 itself judges the generated units of every sample.</summary>
[Trait(Category.Name, Category.RealTool)]
public partial class SystemdRealToolTests(ITestOutputHelper output)
{
    public static TheoryData<string> Samples => SampleNames.Supervised(Supervisor.Systemd);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Systemd_analyze_verify_says_nothing_about_our_units(string sample)
    {
        using var dir = new TempFolder();
        var model = Generate(sample, dir.Path);
        var units = Directory.GetFiles(Path.Combine(dir.Path, "systemd")).Order().ToList();
        // A template is verified as an instance: systemd loads `NAME-worker@1.service` from `NAME-worker@.service`.
        foreach (var template in units.Where(u => u.EndsWith("@.service", StringComparison.Ordinal)).ToList())
        {
            var instance = template.Replace("@.service", "@1.service", StringComparison.Ordinal);
            File.CreateSymbolicLink(instance, template);
            units.Add(instance);
        }

        // A sample's own program (command-go's /srv/ledger/bin/ledger) lives on the deploy host, not here: that line, and
        // the exit status it causes, only while the program is absent, is systemd confirming the path it was given.
        var program = model.Server.Command.IsEmpty ? null : model.Server.Command[0];
        var missing = program is not null && !File.Exists(program) ? $": Command {program} is not executable: No such file or directory" : null;
        var problems = SystemdVerify.ProblemsWith(units)
            .Where(p => missing is null || !(p.EndsWith(missing, StringComparison.Ordinal) || p.StartsWith("systemd-analyze verify exited", StringComparison.Ordinal)))
            .ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Hardened_units_score_within_the_profile_budget(string sample)
    {
        using var dir = new TempFolder();
        var model = Generate(sample, dir.Path);

        var score = Exposure(Path.Combine(dir.Path, "systemd"), $"{model.Name}.service");

        output.WriteLine($"{sample} ({model.Systemd.Hardening}): exposure {score}");
        var budget = model.Systemd.Hardening == HardeningProfile.Strict ? 1.5 : 2.5;
        Assert.True(score <= budget, $"{sample}: exposure {score} > {budget}");
    }

    [Theory]
    [InlineData(HardeningProfile.Default, 2.5, null)]
    [InlineData(HardeningProfile.Strict, 1.5, null)]
    [InlineData(HardeningProfile.Default, 2.5, "/home/deploy/apps/pushconfig")]
    [InlineData(HardeningProfile.Strict, 1.5, "/home/deploy/apps/pushconfig")]
    public void Each_profile_scores_within_budget_on_the_main_sample(HardeningProfile profile, double budget, string? directory)
    {
        // A directory under /home costs ProtectHome=read-only instead of yes.
        using var dir = new TempFolder();
        var loaded = ModelLoader.LoadFile(Path.Combine(RepoPaths.Samples, "puma-phased.yaml")).Model!;
        var model = loaded with { Systemd = loaded.Systemd with { Hardening = profile }, Directory = directory ?? loaded.Directory };
        OutputWriter.Write(dir.Path, Generator.Emit(model), checkOnly: false);

        var score = Exposure(Path.Combine(dir.Path, "systemd"), "pushconfig.service");

        output.WriteLine($"puma-phased with {profile} in {model.Directory}: exposure {score}");
        Assert.True(score <= budget, $"exposure {score} > {budget}");
    }

    private static double Exposure(string folder, string unit)
    {
        var run = ExternalTool.Run("systemd-analyze", ["security", "--offline=yes", unit], workingDirectory: folder);
        var match = ExposureLine().Match(run.Output);
        Assert.True(match.Success, run.Output);
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static ServiceModel Generate(string sample, string outDir)
    {
        var model = ModelLoader.LoadFile(Path.Combine(RepoPaths.Samples, sample + ".yaml")).Model!;
        OutputWriter.Write(outDir, Generator.Emit(model), checkOnly: false);
        return model;
    }

    [GeneratedRegex(@"Overall exposure level for \S+: ([0-9.]+)")]
    private static partial Regex ExposureLine();
}
