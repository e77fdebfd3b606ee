using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace UnitGen.Tests.Properties;

/// <summary>Per field: cases run, accepted, and rejected by code — printed as the table README quotes.</summary>
public sealed class FieldTally
{
    private readonly ConcurrentDictionary<string, Row> rows = new(StringComparer.Ordinal);

    public void Add(string field, IReadOnlyCollection<string> errorCodes)
    {
        ArgumentNullException.ThrowIfNull(errorCodes);
        var row = rows.GetOrAdd(field, _ => new Row());
        lock (row)
        {
            row.Cases++;
            if (errorCodes.Count == 0)
            {
                row.Accepted++;
            }

            foreach (var code in errorCodes.Distinct())
            {
                row.Codes[code] = row.Codes.GetValueOrDefault(code) + 1;
            }
        }
    }

    public int Cases(string field) => rows.TryGetValue(field, out var r) ? r.Cases : 0;

    public int Accepted(string field) => rows.TryGetValue(field, out var r) ? r.Accepted : 0;

    /// <summary>A markdown table: field | cases | accepted | rejected (cases per code; a case may carry two codes).</summary>
    public string Table(IEnumerable<string> fieldOrder)
    {
        var s = new StringBuilder("| field | cases | accepted | rejected by code |\n| --- | --: | --: | --- |\n");
        foreach (var field in fieldOrder)
        {
            if (!rows.TryGetValue(field, out var r))
            {
                continue;
            }

            var codes = string.Join(", ", r.Codes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));
            s.Append(CultureInfo.InvariantCulture, $"| `{field}` | {r.Cases} | {r.Accepted} | {codes} |\n");
        }

        return s.ToString();
    }

    private sealed class Row
    {
        public int Cases { get; set; }

        public int Accepted { get; set; }

        public Dictionary<string, int> Codes { get; } = new(StringComparer.Ordinal);
    }
}
