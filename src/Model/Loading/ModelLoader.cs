namespace UnitGen.Model.Loading;

/// <summary>Reads <c>unitgen.yaml</c> into a <see cref="ServiceModel"/>, keeping every node's position.</summary>
public static class ModelLoader
{
    /// <summary>A model is a page of YAML; anything near this size is not one.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The model nests four levels; a deeper document is hostile or a mistake.</summary>
    public const int MaxDepth = 16;

    public static LoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        return info.Length > MaxBytes
            ? ModelReader.TooLarge(path, info.Length)
            : Load(File.ReadAllText(path), path);
    }

    public static LoadResult Load(string text, string file) => new ModelReader(file).Read(text);
}
