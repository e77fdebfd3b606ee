namespace UnitGen.Model.Fields;

/// <summary>Where a text value of the model ends up, which decides the rules that check it.</summary>
[Flags]
internal enum FieldUse
{
    None = 0,

    /// <summary>Written as a plain value into a unit file (or a runit script): no control character, no trailing backslash (UG0701).</summary>
    UnitValue = 1 << 0,

    /// <summary>A word of an Exec line or of the runit <c>exec</c>: quoted, so only control characters break it (UG0701); exec limits apply (UG0510).</summary>
    ExecWord = 1 << 1,

    /// <summary>A unit setting that takes the rest of the line without quotes: systemd strips its blanks (UG0720).</summary>
    Unquoted = 1 << 2,

    /// <summary>A file system path systemd resolves: PATH_MAX, NAME_MAX, no <c>..</c> (UG0723).</summary>
    Path = 1 << 3,

    /// <summary>The program of an Exec line: it may not name a folder (UG0723).</summary>
    Program = 1 << 4,

    /// <summary>A unix socket address: at most 107 bytes, not a folder (UG0723).</summary>
    UnixSocket = 1 << 5,

    /// <summary>One argument of the server's exec (UG0510).</summary>
    Argument = 1 << 6,

    /// <summary>A <c>NAME=value</c> string of the server's environment (UG0510).</summary>
    EnvironmentEntry = 1 << 7,
}
