namespace UnitGen.Tests.Support;

/// <summary>
/// `systemd-analyze verify` on our unit files. It exits 0 even on warnings and also reports on
/// unrelated installed units (Debian's unicorn.service), so only lines naming our files or units count.
/// </summary>
public static class SystemdVerify
{
    public static IReadOnlyList<string> ProblemsWith(IReadOnlyCollection<string> unitFiles)
    {
        ArgumentNullException.ThrowIfNull(unitFiles);
        var run = ExternalTool.Run("systemd-analyze", ["verify", "--man=no", .. unitFiles]);
        var names = unitFiles.SelectMany(f => new[] { f, Path.GetFileNameWithoutExtension(f) }).ToList();
        var problems = run.Output.Split('\n').Where(l => names.Any(n => l.Contains(n, StringComparison.Ordinal))).ToList();
        if (run.ExitCode != 0)
        {
            problems.Add($"systemd-analyze verify exited {run.ExitCode}: {run.Output}");
        }

        return problems;
    }
}
