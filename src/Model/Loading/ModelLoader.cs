namespace UnitGen.Model.Loading;

/// <summary>Reads <c>unitgen.yaml</c> into a <see cref="ServiceModel"/>, keeping every node's position.</summary>
public static class ModelLoader
{
    /// <summary>A model is a page of YAML; anything near this size is not one.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The model nests four levels; a deeper document is hostile or a mistake.</summary>
    public const int MaxDepth = 16;

    /// <summary>
    /// Values (scalars, lists, mappings) in one document. A real model has under 200; 1 MiB of
    /// one-line entries has 40,000, which the pairwise rules (UG0106 compares every two listeners)
    /// would take minutes over. 4096 leaves room for 2,000 environment variables.
    /// </summary>
    public const int MaxNodes = 4096;

    /// <summary>
    /// Sockets in <c>listen</c> or <c>server.binds</c>. The socket rules compare every two (a
    /// wildcard or a dual-stack port collides with addresses that differ in text), so their cost
    /// grows with the square: 4,000 unix sockets took 5 s. A service with more than a few is a fleet.
    /// </summary>
    public const int MaxSockets = 64;

    public static LoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (info.Length > MaxBytes)
        {
            return ModelReader.TooLarge(path, info.Length);
        }

        // A regular file's length is known, but /dev/zero, a pipe or a file growing meanwhile report
        // less than they hold: read one byte past the limit and no more.
        var bytes = ReadAtMost(path, MaxBytes + 1);
        if (bytes.Length > MaxBytes)
        {
            return ModelReader.TooLarge(path, bytes.Length);
        }

        var (text, flaw) = ModelText.Decode(bytes);
        return flaw is null ? Load(text!, path) : ModelReader.NotText(path, flaw);
    }

    public static LoadResult Load(string text, string file) => new ModelReader(file).Read(text);

    private static byte[] ReadAtMost(string path, int limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        var buffer = new byte[limit];
        var filled = 0;
        while (filled < limit && stream.Read(buffer, filled, limit - filled) is var read and > 0)
        {
            filled += read;
        }

        return buffer[..filled];
    }
}
