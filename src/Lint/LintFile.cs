using UnitGen.Formats.EnvironmentFiles;
using UnitGen.Formats.Ruby;
using UnitGen.Formats.Systemd;
using UnitGen.Model;

namespace UnitGen.Lint;

/// <summary>A hand-written file given to <c>unitgen lint</c>, with what its kind can be parsed into.</summary>
public sealed record LintFile(string Path, LintFileKind Kind, string Text, UnixFileMode? Mode)
{
    private UnitFile? unit;
    private EnvironmentFile? environment;
    private RubyConfig? ruby;

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

    /// <summary>The kind by name alone (see <see cref="LintFileKinds.Detect"/> for name and content); null when unknown.</summary>
    public static LintFileKind? KindOf(string path) => LintFileKinds.ByName(path);

    /// <summary>A file read from disk, its kind decided by name and content.</summary>
    public static LintFile Of(string path, string text, UnixFileMode? mode) =>
        new(path, LintFileKinds.Detect(path, text).Kind ?? throw new ArgumentException($"{path}: unknown kind of file.", nameof(path)), text, mode);
}
