
namespace UnitGen.Lint.Import;

/// <summary>
/// The socket unit a service is started with, when only the service was given: systemd pairs
/// <c>NAME.service</c> with <c>NAME.socket</c> and follows <c>Sockets=</c> and <c>Requires=</c>
/// (systemd.socket(5)); the unit files sit in the same folder.
/// </summary>
internal static class CompanionSocket
{
    /// <returns>The paths where the service's socket would be, most specific first (the caller reads the first that exists).</returns>
    public static IReadOnlyList<string> Candidates(LintFile service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var folder = Path.GetDirectoryName(service.Path) ?? ".";
        var named = service.Unit.All("Service", "Sockets").Concat(service.Unit.All("Unit", "Requires"))
            .SelectMany(e => e.Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(n => n.EndsWith(".socket", StringComparison.Ordinal) && !n.Contains('/', StringComparison.Ordinal));
        var own = Path.GetFileNameWithoutExtension(service.Path) + ".socket";
        // An instance's socket (`puma@shop.socket`, `puma@%i.socket`) is loaded from its template file `puma@.socket`.
        var templates = named.Append(own).Where(n => n.Contains('@', StringComparison.Ordinal)).Select(n => n[..(n.IndexOf('@', StringComparison.Ordinal) + 1)] + ".socket");
        return [.. named.Append(own).Concat(templates).Distinct(StringComparer.Ordinal).Select(n => Path.Combine(folder, n))];
    }
}
