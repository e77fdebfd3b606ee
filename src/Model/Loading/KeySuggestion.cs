namespace UnitGen.Model.Loading;

/// <summary>"Did you mean" for misspelled keys: the closest known key by edit distance, if close.</summary>
internal static class KeySuggestion
{
    public static string? Closest(string key, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(key);
        // A third of the word may be wrong; beyond that a suggestion is noise.
        var limit = Math.Max(2, key.Length / 3);
        // The distance is at least the difference in length: skipping those keeps a hostile 1 MB value
        // from costing a 1M × n table per known word (measured: 128 MiB, 1.9 s).
        var best = known
            .Where(k => Math.Abs(k.Length - key.Length) <= limit)
            .Select(k => (Key: k, Distance: Distance(key.ToUpperInvariant(), k.ToUpperInvariant())))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Key is not null && best.Distance <= limit ? best.Key : null;
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent swaps).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
