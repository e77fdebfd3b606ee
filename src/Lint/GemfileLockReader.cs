using System.Text.RegularExpressions;
using UnitGen.Model.Servers;

namespace UnitGen.Lint;

/// <summary>
/// Reads the versions lint needs from a Gemfile.lock: the resolved gems are the lines indented four
/// spaces under <c>specs:</c> (<c>    puma (5.6.5)</c>, platform gems <c>    puma (6.4.2-java)</c>), and the
/// bundler that wrote the lock is the line after <c>BUNDLED WITH</c> (bundler lib/bundler/lockfile_parser.rb).
/// </summary>
internal static partial class GemfileLockReader
{
    public static LockedVersions Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var result = new LockedVersions { Source = source };
        for (var i = 0; i < lines.Length; i++)
        {
            if (Spec().Match(lines[i]) is { Success: true } spec)
            {
                var version = LockedVersions.ParseVersion(spec.Groups["version"].Value);
                var name = spec.Groups["name"].Value;
                if (ServerProfiles.All.FirstOrDefault(p => p.GemName == name) is { } server)
                {
                    result = result.WithServer(server.Name, version);
                }
                else if (name == "sd_notify")
                {
                    result = result with { SdNotifyGem = true };
                }
            }
            else if (lines[i].Trim() == "BUNDLED WITH" && i + 1 < lines.Length)
            {
                result = result with { Bundler = LockedVersions.ParseVersion(lines[i + 1]) };
            }
        }

        return result;
    }

    [GeneratedRegex(@"^    (?<name>[A-Za-z0-9_.-]+) \((?<version>[^)]+)\)\s*$")]
    private static partial Regex Spec();
}
