using UnitGen.Emitters;
using UnitGen.Emitters.Output;
using UnitGen.Model;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Emitters;

/// <summary>
/// `systemd-analyze verify --user` (systemd 252) judges the user units of every user-scope sample as a user manager
/// loads them. It needs a runtime folder to set up its manager ("Failed to lookup RuntimeDirectory path" without
/// XDG_RUNTIME_DIR, which root has none of): a private empty one is given.
/// </summary>
[Trait(Category.Name, Category.RealTool)]
public class UserUnitVerifyRealToolTests
{
    public static TheoryData<string> UserSamples => SampleNames.Where(m => m.Systemd.Scope == SystemdScope.User);

    [Theory]
    [MemberData(nameof(UserSamples))]
    public void Systemd_analyze_verify_user_says_nothing_about_our_user_units(string sample)
    {
        using var dir = new TempFolder();
        var model = ModelLoader.LoadFile(Path.Combine(RepoPaths.Samples, sample + ".yaml")).Model!;
        OutputWriter.Write(dir.Path, Generator.Emit(model), checkOnly: false);
        var units = Directory.GetFiles(Path.Combine(dir.Path, "systemd")).Order(StringComparer.Ordinal).ToList();

        var run = VerifyUser(dir, units);

        Assert.True(run.ExitCode == 0 && run.Output.Trim().Length == 0, run.Output);
    }

    [Fact]
    public void Negative_control_verify_user_reports_a_key_systemd_does_not_know()
    {
        using var dir = new TempFolder();
        var unit = dir.Write("app.service", "[Service]\nExecStart=/bin/true\nProtectKernelTunabels=yes\n\n[Install]\nWantedBy=default.target\n");

        var run = VerifyUser(dir, [unit]);

        Assert.Contains("Unknown key 'ProtectKernelTunabels'", run.Output, StringComparison.Ordinal);
    }

    private static ExternalTool.Result VerifyUser(TempFolder dir, IReadOnlyList<string> units)
    {
        var runtime = Directory.CreateDirectory(dir.File("runtime"));
        runtime.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        return ExternalTool.Run("systemd-analyze", ["verify", "--user", "--man=no", .. units],
            environment: new Dictionary<string, string?> { ["XDG_RUNTIME_DIR"] = runtime.FullName });
    }
}
