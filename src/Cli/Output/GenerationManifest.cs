using System.Collections.Immutable;
using System.Text;

namespace UnitGen.Cli.Output;

/// <summary>
/// The list of files one model's last <c>generate</c> wrote into DIR, kept at <c>DIR/.unitgen/NAME.manifest</c>,
/// so the next generate of the same model can remove what it no longer writes (a unit of a dropped socket, the
/// runit folder of a supervisor given up) and <c>--check</c> can report such files as drift. Per model name:
/// several models may share one DIR without touching each other's files.
/// </summary>
internal static class GenerationManifest
{
    private const string Header = "# unitgen generate: the files it wrote here for this model; a later generate removes those it no longer writes.";

    public static string PathOf(string dir, string modelName) => Path.Combine(dir, ".unitgen", modelName + ".manifest");

    /// <summary>Files listed by the last generate and not in <paramref name="current"/> that still exist.</summary>
    public static ImmutableArray<string> StaleFiles(string dir, string modelName, IEnumerable<string> current)
    {
        var manifest = PathOf(dir, modelName);
        if (!File.Exists(manifest))
        {
            return [];
        }

        var now = current.ToHashSet(StringComparer.Ordinal);
        return
        [
            .. File.ReadAllLines(manifest)
                .Where(line => line.Length > 0 && line[0] != '#' && !now.Contains(line) && IsOwnPath(line))
                .Where(line => File.Exists(Path.Combine(dir, line)))
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>Removes the stale files, then the folders they leave empty (up to DIR).</summary>
    public static void Remove(string dir, IEnumerable<string> stale)
    {
        var root = Path.GetFullPath(dir);
        foreach (var file in stale)
        {
            var full = Path.GetFullPath(Path.Combine(root, file));
            File.Delete(full);
            for (var folder = Path.GetDirectoryName(full); folder is not null && folder.Length > root.Length
                 && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder))
            {
                Directory.Delete(folder);
            }
        }
    }

    /// <summary>Writes the manifest when its list changed.</summary>
    public static void Write(string dir, string modelName, IEnumerable<string> files)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            text.Append(file).Append('\n');
        }

        var manifest = PathOf(dir, modelName);
        if (!File.Exists(manifest) || File.ReadAllText(manifest) != text.ToString())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(manifest)!);
            File.WriteAllText(manifest, text.ToString());
        }
    }

    /// <summary>
    /// A line a generate could have written: relative, '/'-separated, no '.' or '..' segment. A hand-edited
    /// manifest can therefore never make generate delete a file outside DIR.
    /// </summary>
    private static bool IsOwnPath(string line) =>
        !line.StartsWith('/') && !line.Contains('\\', StringComparison.Ordinal)
        && line.Split('/').All(segment => segment.Length > 0 && segment is not "." and not "..");
}
