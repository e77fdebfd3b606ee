namespace UnitGen.Model.Diagnostics;

/// <summary>
/// Where each model value was written. Keys are model paths (<c>server.binds[0]</c>,
/// <c>listen[1].uri</c>, <c>environment.RAILS_ENV</c>); a key node is <c>path@key</c>.
/// Kept beside the model so the records stay plain values that code can build too.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, SourceLocation> locations = new(StringComparer.Ordinal);

    public SourceMap(string file) => File = file;

    /// <summary>The map of a model built in code: every path resolves to the bare name.</summary>
    public static SourceMap None(string file) => new(file);

    public string File { get; }

    public void Add(string path, int line, int column) => locations[path] = new SourceLocation(File, line, column);

    /// <summary>A value read from another file than <see cref="File"/> (lint builds one model from several files).</summary>
    public void Add(string path, string file, int line, int column) => locations[path] = new SourceLocation(file, line, column);

    /// <summary>The node at <paramref name="path"/>, else its nearest mapped parent, else the file.</summary>
    public SourceLocation Resolve(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (locations.TryGetValue(p, out var location))
            {
                return location;
            }
        }

        return new SourceLocation(File, 0, 0);
    }

    private static string Parent(string path)
    {
        var cut = path.LastIndexOfAny(['.', '[', '@']);
        return cut < 0 ? string.Empty : path[..cut];
    }
}
