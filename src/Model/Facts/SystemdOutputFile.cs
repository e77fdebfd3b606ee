namespace UnitGen.Model.Facts;

/// <summary>
/// The StandardOutput=/StandardError= targets that name a file (systemd.exec(5)): <c>file:PATH</c>,
/// <c>append:PATH</c>, <c>truncate:PATH</c>. Validation checks the path, and unicorn.rb logs to the same file.
/// </summary>
internal static class SystemdOutputFile
{
    private static readonly string[] Prefixes = ["file:", "append:", "truncate:"];

    /// <summary>The path after a file target's prefix, as written; null for any other output.</summary>
    public static string? PathOf(string? output) =>
        output is null ? null
            : Prefixes.FirstOrDefault(p => output.StartsWith(p, StringComparison.Ordinal)) is { } prefix ? output[prefix.Length..] : null;
}
