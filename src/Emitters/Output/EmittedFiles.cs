using UnitGen.Model;

namespace UnitGen.Emitters.Output;

/// <summary><c>files.WriteTo(dir)</c> and <c>files.CheckAgainst(dir)</c>.</summary>
public static class EmittedFiles
{
    /// <summary>
    /// Writes each file under <paramref name="directory"/> atomically with its mode; files already
    /// right are not touched. A path that would leave its folder is refused.
    /// </summary>
    public static EquatableArray<FileChange> WriteTo(this IEnumerable<EmittedFile> files, string directory) =>
        OutputWriter.Write(directory, files, checkOnly: false);

    /// <summary>What <see cref="WriteTo"/> would change under <paramref name="directory"/>; writes nothing.</summary>
    public static EquatableArray<FileChange> CheckAgainst(this IEnumerable<EmittedFile> files, string directory) =>
        OutputWriter.Write(directory, files, checkOnly: true);
}
