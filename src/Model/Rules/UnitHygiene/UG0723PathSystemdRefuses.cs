using System.Text;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Fields;

namespace UnitGen.Model.Rules.UnitHygiene;

internal sealed class UG0723PathSystemdRefuses : Rule
{
    /// <summary>PATH_MAX less the terminating NUL, and NAME_MAX (linux/limits.h).</summary>
    private const int PathMax = 4095;

    private const int NameMax = 255;

    /// <summary>sizeof(sockaddr_un.sun_path) less the terminating NUL (unix(7)).</summary>
    private const int UnixSocketPathMax = 107;

    public override string Code => "UG0723";

    public override Severity Severity => Severity.Error;

    public override string Title => "A path systemd refuses: longer than Linux allows, with a `..` component, a unix socket path over 107 bytes, or a program path ending in `/`.";

    public override string Fix => "Shorten the path (at most 4095 bytes, 255 per folder name, 107 for a unix socket) and write it without `..`.";

    public override string Explanation =>
        "systemd 252 resolves specifiers in paths with a PATH_MAX limit and checks them with `path_simplify_and_warn` " +
        "(src/basic/path-util.c): a path over 4095 bytes or with a folder name over 255 bytes fails (\"Failed to resolve " +
        "unit specifiers\"), `..` is refused as \"not normalized\", and a program path ending in `/` is \"a directory\" " +
        "(seen with `systemd-analyze verify`). A unix socket address holds at most 107 bytes (unix(7)), for systemd and puma alike.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        foreach (var (path, value, uses) in ModelFields.ValuesOf(model))
        {
            if (uses.HasFlag(FieldUse.Program) && NamesAFolder(value))
            {
                yield return new Finding(path, $"The program `{value}` ends in `/` or `/.`: it names a folder, which systemd refuses to run.");
            }

            if (uses.HasFlag(FieldUse.UnixSocket))
            {
                if (NamesAFolder(value))
                {
                    yield return new Finding(path, $"The unix socket path `{value}` names a folder: systemd cannot parse it as a socket address.");
                }

                if (Encoding.UTF8.GetByteCount(value) > UnixSocketPathMax)
                {
                    yield return new Finding(path, $"The unix socket path has {Encoding.UTF8.GetByteCount(value)} bytes; a socket address holds at most {UnixSocketPathMax}.");
                }
            }

            if (uses.HasFlag(FieldUse.Path) && Problem(value) is { } problem)
            {
                yield return new Finding(path, $"`{path}` {problem}");
            }
        }
    }

    private static bool NamesAFolder(string path) => path.EndsWith('/') || path.EndsWith("/.", StringComparison.Ordinal);

    private static string? Problem(string path)
    {
        if (Encoding.UTF8.GetByteCount(path) > PathMax)
        {
            return $"has {Encoding.UTF8.GetByteCount(path)} bytes; Linux paths have at most {PathMax}.";
        }

        var parts = path.Split('/');
        if (parts.Any(p => Encoding.UTF8.GetByteCount(p) > NameMax))
        {
            return $"has a folder or file name over {NameMax} bytes.";
        }

        return parts.Contains("..") ? "has a `..` component, which systemd refuses as not normalized." : null;
    }
}
