namespace UnitGen.Tests.EndToEnd;

/// <summary>What one <c>unitgen install MODEL --root ROOT</c> did, read from its output.</summary>
/// <param name="Root">The staging tree.</param>
/// <param name="Files">Every file it installed (or found unchanged), as its absolute path on the real host.</param>
/// <param name="HostCommands">The commands it printed for the host (<c>on the host: ...</c>), in order.</param>
/// <param name="Output">Its whole standard output.</param>
public sealed record StagedInstall(string Root, IReadOnlyList<string> Files, IReadOnlyList<string> HostCommands, string Output)
{
    private const string HostPrefix = "on the host: ";

    /// <summary>File names of the installed units (<c>/etc/systemd/system/NAME.service</c> → <c>NAME.service</c>).</summary>
    public IEnumerable<string> Units => Files.Where(f => f.StartsWith("/etc/systemd/system/", StringComparison.Ordinal)).Select(Path.GetFileName).OfType<string>();

    /// <summary>Where the file installed for <paramref name="hostPath"/> lies in the staging tree.</summary>
    public string Staged(string hostPath) => Root + hostPath;

    public static StagedInstall Parse(string root, string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var lines = stdout.Split('\n');
        var files = lines.Where(l => l.StartsWith("installed: ", StringComparison.Ordinal) || l.StartsWith("unchanged: ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..])
            .Select(p => p.StartsWith(root + "/", StringComparison.Ordinal) ? p[root.Length..] : throw new InvalidOperationException($"{p} is not under {root}"))
            .ToList();
        var commands = lines.Where(l => l.StartsWith(HostPrefix, StringComparison.Ordinal)).Select(l => l[HostPrefix.Length..]).ToList();
        return new StagedInstall(root, files, commands, stdout);
    }
}
