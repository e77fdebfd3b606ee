using System.Collections.Frozen;

namespace UnitGen.Formats.Systemd;

/// <summary>
/// Every key systemd 252 accepts in [Unit], [Service], [Socket] and [Install], with its value syntax
/// (e.g. <c>UNIT [...]</c> for lists). Generated from systemd itself by scripts/dump-systemd-keys.sh.
/// </summary>
public static class SystemdKeys
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Sections = Load();

    /// <summary>The value syntax of a known key, or null when systemd does not know the key there.</summary>
    public static string? Syntax(string section, string key) =>
        Sections.TryGetValue(section, out var keys) && keys.TryGetValue(key, out var syntax) ? syntax : null;

    public static bool IsKnownSection(string section) => Sections.ContainsKey(section);

    public static IEnumerable<string> Keys(string section) =>
        Sections.TryGetValue(section, out var keys) ? keys.Keys : [];

    /// <summary>Whether the value is a list of words, where a stray <c># comment</c> becomes more words.</summary>
    public static bool IsList(string section, string key) =>
        Syntax(section, key)?.Contains("[...]", StringComparison.Ordinal) == true;

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        using var stream = typeof(SystemdKeys).Assembly.GetManifestResourceStream("systemd-keys.txt")
            ?? throw new InvalidOperationException("systemd-keys.txt is missing from the build.");
        using var reader = new StreamReader(stream);
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                var name = line.Trim('[', ']');
                current = sections.TryGetValue(name, out var existing) ? existing : sections[name] = new(StringComparer.Ordinal);
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (current is not null && eq > 0)
            {
                current[line[..eq]] = line[(eq + 1)..];
            }
        }

        return sections.ToFrozenDictionary(s => s.Key, s => s.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
