namespace UnitGen.Cli;

/// <summary>Writes a file the user asked for (init, import): never over an existing one without --force.</summary>
internal static class NewFile
{
    /// <returns>An exit code: <see cref="ExitCodes.Ok"/> when written, else <see cref="ExitCodes.Usage"/> after saying why.</returns>
    public static int Write(string path, string text, bool force, TextWriter stderr)
    {
        if (File.Exists(path) && !force)
        {
            stderr.WriteLine($"unitgen: error: {path} exists; pass --force to overwrite it.");
            return ExitCodes.Usage;
        }

        try
        {
            File.WriteAllText(path, text);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{path}: error: cannot write: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}
