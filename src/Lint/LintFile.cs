using UnitGen.Formats.EnvironmentFiles;
using UnitGen.Formats.Ruby;
using UnitGen.Formats.Systemd;
using UnitGen.Model;

namespace UnitGen.Lint;

/// <summary>A hand-written file given to <c>unitgen lint</c>, with what its kind can be parsed into.</summary>
internal sealed record LintFile(string Path, LintFileKind Kind, string Text, UnixFileMode? Mode)
{
    private UnitFile? unit;
    private EnvironmentFile? environment;
    private RubyConfig? ruby;

    /// <summary>The file's name; a copy with another name parses again.</summary>
    public string Path { get; init { field = value; Forget(); } } = Path;

    public LintFileKind Kind { get; init { field = value; Forget(); } } = Kind;

    /// <summary>The file's text; a copy with other text (<c>with { Text = … }</c>) parses again.</summary>
    public string Text { get; init { field = value; Forget(); } } = Text;

    /// <summary>An EnvironmentFile= of a unit given with it names this file: systemd reads it (lint sets this from the files given together).</summary>
    public bool ReadBySystemd { get; init; }

    public bool IsUnit => Kind is LintFileKind.Service or LintFileKind.Socket;

    public bool IsAppConfig => Kind is LintFileKind.PumaConfig or LintFileKind.UnicornConfig;

    public UnitFile Unit => unit ??= IsUnit
        ? SystemdUnitReader.Parse(Text, Path)
        : throw new InvalidOperationException($"{Path} is not a unit file.");

    public EnvironmentFile Environment => environment ??= Kind == LintFileKind.EnvironmentFile
        ? EnvironmentFileReader.Parse(Text)
        : throw new InvalidOperationException($"{Path} is not an environment file.");

    public RubyConfig Ruby => ruby ??= IsAppConfig
        ? RubyConfigReader.Parse(Text)
        : throw new InvalidOperationException($"{Path} is not a puma.rb or unicorn.rb.");

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
        ruby = null;
    }

    /// <summary>The kind by name alone (see <see cref="LintFileKinds.Detect"/> for name and content); null when unknown.</summary>
    public static LintFileKind? KindOf(string path) => LintFileKinds.ByName(path);

    /// <summary>A file read from disk, its kind decided by name and content.</summary>
    public static LintFile Of(string path, string text, UnixFileMode? mode) =>
        new(path, LintFileKinds.Detect(path, text).Kind ?? throw new ArgumentException($"{path}: unknown kind of file.", nameof(path)), text, mode);
}
