namespace UnitGen.Emitters;

/// <summary>One generated file: a path relative to the output folder ('/'-separated), its text and its mode.</summary>
public sealed record EmittedFile(string Path, string Content, UnixFileMode Mode)
{
    /// <summary>0644: systemd units, puma.rb, unicorn.rb.</summary>
    public const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>0640: env files may hold secrets; never world-readable.</summary>
    public const UnixFileMode Secret = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    /// <summary>0755: runit run and control scripts.</summary>
    public const UnixFileMode Executable = Readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
}
