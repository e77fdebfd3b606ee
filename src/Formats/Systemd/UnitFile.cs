using System.Collections.Immutable;

namespace UnitGen.Formats.Systemd;

/// <summary>
/// One <c>Key=value</c> assignment of a unit file, with where it was written: <see cref="RawValue"/> is
/// the value as written (continuations joined, specifiers not resolved); <see cref="Line"/> is the
/// 1-based line of the key, and the columns are 1-based.
/// </summary>
public sealed record UnitEntry(string Section, string Key, string RawValue, int Line, int KeyColumn, int ValueColumn)
{
    /// <summary>The value with <c>%%</c> resolved to <c>%</c>; other specifiers are left as written.</summary>
    public string Value => UnitSpecifiers.UnescapePercent(RawValue);
}

/// <summary>A line systemd would ignore or refuse while loading the file.</summary>
public sealed record UnitSyntaxIssue(int Line, int Column, string Message);

/// <summary>A parsed systemd unit file: its assignments in order, and what could not be read.</summary>
public sealed record UnitFile(string Path, ImmutableArray<UnitEntry> Entries, ImmutableArray<UnitSyntaxIssue> Issues)
{
    public IEnumerable<string> Sections => Entries.Select(e => e.Section).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The assignments of a list-valued key as systemd applies them: each assignment adds, and an
    /// empty assignment resets the list (systemd.unit(5), "Description of settings").
    /// </summary>
    public ImmutableArray<UnitEntry> All(string section, string key)
    {
        var result = ImmutableArray.CreateBuilder<UnitEntry>();
        foreach (var e in Entries.Where(e => e.Section == section && e.Key == key))
        {
            if (e.RawValue.Length == 0)
            {
                result.Clear();
            }
            else
            {
                result.Add(e);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>A single-valued key: the last assignment wins.</summary>
    public UnitEntry? Last(string section, string key) =>
        Entries.LastOrDefault(e => e.Section == section && e.Key == key);
}
