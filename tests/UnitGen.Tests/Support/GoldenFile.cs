namespace UnitGen.Tests.Support;

/// <summary>
/// Golden-file assertions after Verify's conventions: the expected text lives in
/// <c>tests/snapshots/NAME.verified.txt</c>; a mismatch writes <c>NAME.received.txt</c> beside it and
/// fails. Set <c>UNITGEN_ACCEPT=1</c> to accept received text as verified; never when <c>CI=true</c>.
/// </summary>
public static class GoldenFile
{
    public static void Verify(string name, string actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var verified = Path.Combine(RepoPaths.Snapshots, name + ".verified.txt");
        var received = Path.Combine(RepoPaths.Snapshots, name + ".received.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(verified)!);
        var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Accepting)
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No golden file {verified}. Review {received}, then rerun with UNITGEN_ACCEPT=1 to accept it."
            : $"{name} differs from its golden file. Compare {received} with {verified}; rerun with UNITGEN_ACCEPT=1 to accept.");
    }

    private static bool Accepting =>
        Environment.GetEnvironmentVariable("UNITGEN_ACCEPT") == "1"
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
