using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace UnitGen.Lint.Import;

/// <summary>
/// A template unit (<c>puma@.service</c>) as systemd loads it for one instance (<c>puma@shop.service</c>):
/// the instance and name specifiers of systemd.unit(5) "Specifiers" replaced in the file's text, so
/// the model holds the values systemd would use. A model describes one service; UnitGen writes <c>%</c>
/// literally (<c>%%</c>), so a specifier cannot be carried as a specifier.
/// </summary>
internal static partial class TemplateInstance
{
    /// <summary>Whether the file is a template: its name is <c>prefix@.type</c>.</summary>
    public static bool IsTemplate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetFileNameWithoutExtension(path).EndsWith('@');
    }

    /// <summary>An instance name systemd accepts as written (already escaped: systemd-escape output).</summary>
    public static bool IsInstanceName(string instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return InstanceName().IsMatch(instance);
    }

    /// <summary>The template file as the instance's unit: <c>dir/prefix@instance.type</c>, specifiers resolved.</summary>
    public static LintFile Instantiate(LintFile template, string instance)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(instance);
        var name = Path.GetFileName(template.Path);
        var prefix = name[..name.IndexOf('@', StringComparison.Ordinal)];
        var type = Path.GetExtension(name);
        var path = Path.Combine(Path.GetDirectoryName(template.Path) ?? string.Empty, $"{prefix}@{instance}{type}");
        return new LintFile(path, template.Kind, Resolve(template.Text, prefix, instance, type), template.Mode);
    }

    /// <summary>The model name for the instance: <c>prefix-instance</c> when that is a valid name, else the prefix.</summary>
    public static string ModelName(string prefix, string instance)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(instance);
        var joined = $"{prefix}-{instance}";
        return ModelNamePattern().IsMatch(joined) ? joined : prefix;
    }

    /// <summary>
    /// Replaces %n %N %p %P %i %I %j %J %f (systemd.unit(5)); <c>%%</c> and the specifiers that depend on
    /// the host or the user (%h, %u, %H, %t…) stay as written.
    /// </summary>
    private static string Resolve(string text, string prefix, string instance, string type)
    {
        var final = prefix.Contains('-', StringComparison.Ordinal) ? prefix[(prefix.LastIndexOf('-') + 1)..] : prefix;
        var values = new Dictionary<char, string>
        {
            ['n'] = $"{prefix}@{instance}{type}",
            ['N'] = $"{prefix}@{instance}",
            ['p'] = prefix,
            ['P'] = Unescape(prefix),
            ['i'] = instance,
            ['I'] = Unescape(instance),
            ['j'] = final,
            ['J'] = Unescape(final),
            ['f'] = "/" + Unescape(instance).TrimStart('/'),
        };
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 1 < text.Length)
            {
                if (values.TryGetValue(text[i + 1], out var value))
                {
                    result.Append(value);
                    i++;
                    continue;
                }

                // `%%` and unknown specifiers are copied whole, so `%%i` stays a literal `%i`.
                result.Append(text, i, 2);
                i++;
                continue;
            }

            result.Append(text[i]);
        }

        return result.ToString();
    }

    /// <summary>systemd's unit name unescaping (systemd-escape --unescape): <c>-</c> is <c>/</c>, <c>\xNN</c> a byte.</summary>
    private static string Unescape(string escaped)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '\\' && i + 3 < escaped.Length && escaped[i + 1] == 'x'
                && byte.TryParse(escaped.AsSpan(i + 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 3;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(escaped[i] == '-' ? "/" : escaped[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex(@"^(?:[A-Za-z0-9:_.-]|\\x[0-9a-f]{2})+\z")]
    private static partial Regex InstanceName();

    [GeneratedRegex(@"^[a-z][a-z0-9_-]{0,63}\z")]
    private static partial Regex ModelNamePattern();
}
