using UnitGen.Formats.EnvironmentFiles;
using UnitGen.Formats.Systemd;
using UnitGen.Model;


namespace UnitGen.Lint;

/// <summary>A hand-written file given to <c>unitgen lint</c>, with what its kind can be parsed into.</summary>
public sealed record LintFile(string Path, LintFileKind Kind, string Text, UnixFileMode? Mode)
{
    private UnitFile? unit;
    private EnvironmentFile? environment;

    public bool IsUnit => Kind is LintFileKind.Service or LintFileKind.Socket;

    public UnitFile Unit => unit ??= IsUnit
        ? SystemdUnitReader.Parse(Text, Path)
        : throw new InvalidOperationException($"{Path} is not a unit file.");

    public EnvironmentFile Environment => environment ??= Kind == LintFileKind.EnvironmentFile
        ? EnvironmentFileReader.Parse(Text)
        : throw new InvalidOperationException($"{Path} is not an environment file.");

    /// <summary>The lines of the file, 1-based by index + 1.</summary>
    public string[] Lines => Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    /// <summary>Guesses the kind from the name the way people name these files; null when unknown.</summary>
    public static LintFileKind? KindOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = System.IO.Path.GetFileName(path);
        return name switch
        {
            _ when name.EndsWith(".service", StringComparison.Ordinal) => LintFileKind.Service,
            _ when name.EndsWith(".socket", StringComparison.Ordinal) => LintFileKind.Socket,
            _ when name.EndsWith(".rb", StringComparison.Ordinal) && name.Contains("unicorn", StringComparison.OrdinalIgnoreCase) => LintFileKind.UnicornConfig,
            _ when name.EndsWith(".rb", StringComparison.Ordinal) => LintFileKind.PumaConfig,
            "run" => LintFileKind.RunitRun,
            _ when name.EndsWith(".env", StringComparison.Ordinal) || name == ".env"
                || path.Contains("/etc/default/", StringComparison.Ordinal) => LintFileKind.EnvironmentFile,
            _ => null,
        };
    }
}
