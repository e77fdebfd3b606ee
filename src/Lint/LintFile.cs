using UnitGen.Formats.EnvironmentFiles;
using UnitGen.Formats.Systemd;
using UnitGen.Model;


namespace UnitGen.Lint;

/// <summary>A hand-written file given to <c>unitgen lint</c>, with what its kind can be parsed into.</summary>
public sealed record LintFile(string Path, LintFileKind Kind, string Text, UnixFileMode? Mode)
{
    private UnitFile? unit;
    private EnvironmentFile? environment;

    /// <summary>The file's name; a copy with another name parses again.</summary>
    public string Path { get; init { field = value; Forget(); } } = Path;

    public LintFileKind Kind { get; init { field = value; Forget(); } } = Kind;

    /// <summary>The file's text; a copy with other text (<c>with { Text = … }</c>) parses again.</summary>
    public string Text { get; init { field = value; Forget(); } } = Text;

    public bool IsUnit => Kind is LintFileKind.Service or LintFileKind.Socket;

    public UnitFile Unit => unit ??= IsUnit
        ? SystemdUnitReader.Parse(Text, Path)
        : throw new InvalidOperationException($"{Path} is not a unit file.");

    public EnvironmentFile Environment => environment ??= Kind == LintFileKind.EnvironmentFile
        ? EnvironmentFileReader.Parse(Text)
        : throw new InvalidOperationException($"{Path} is not an environment file.");

    /// <summary>The lines of the file, 1-based by index + 1.</summary>
    public string[] Lines => Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    /// <summary>Equal by what was read, not by what has been parsed of it so far.</summary>
    public bool Equals(LintFile? other) =>
        other is not null && Path == other.Path && Kind == other.Kind && Text == other.Text && Mode == other.Mode;

    public override int GetHashCode() => HashCode.Combine(Path, Kind, Text, Mode);

    private void Forget()
    {
        unit = null;
        environment = null;
    }

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
