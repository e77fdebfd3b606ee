using System.Text;

namespace UnitGen.Formats.Systemd;

/// <summary>systemd's <c>%</c> specifiers (systemd.unit(5), "Specifiers").</summary>
public static class UnitSpecifiers
{
    /// <summary>Writes every <c>%</c> as <c>%%</c>, so systemd expands no specifier in the value.</summary>
    public static string EscapePercent(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("%", "%%", StringComparison.Ordinal);
    }

    /// <summary>Resolves <c>%%</c> to <c>%</c>; leaves every other specifier as written.</summary>
    public static string UnescapePercent(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (!raw.Contains('%', StringComparison.Ordinal))
        {
            return raw;
        }

        var text = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            text.Append(raw[i]);
            if (raw[i] == '%' && i + 1 < raw.Length && raw[i + 1] == '%')
            {
                i++;
            }
        }

        return text.ToString();
    }

    /// <summary>Whether the text uses a specifier other than <c>%%</c> (e.g. <c>%n</c>, <c>%h</c>).</summary>
    public static bool HasSpecifier(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        for (var i = 0; i + 1 < raw.Length; i++)
        {
            if (raw[i] == '%')
            {
                if (raw[i + 1] != '%')
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }
}
