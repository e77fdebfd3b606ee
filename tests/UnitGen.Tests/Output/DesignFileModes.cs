namespace UnitGen.Tests.Output;

/// <summary>
/// DESIGN.md "File modes", written out per output path independently of the emitters' own constants:
/// units and app configs 0644, env files 0640 (systemd's env file and runit's env/KEY alike: they hold
/// the same secrets), run and control scripts 0755.
/// </summary>
internal static class DesignFileModes
{
    public const UnixFileMode Unit = (UnixFileMode)0b110_100_100;
    public const UnixFileMode Env = (UnixFileMode)0b110_100_000;
    public const UnixFileMode Script = (UnixFileMode)0b111_101_101;

    /// <summary>The samples that together emit every output kind (service, socket, env, puma.rb, unicorn.rb, the runit folder).</summary>
    public static readonly string[] Samples = ["puma-phased.yaml", "puma-runit.yaml", "unicorn-runit.yaml"];

    public static UnixFileMode Of(string relative)
    {
        var parts = relative.Split('/');
        return parts switch
        {
            ["systemd", _] or ["app", _] => Unit,
            ["env", _] or ["runit", _, "env", _] => Env,
            ["runit", _, "run"] or ["runit", _, "log", "run"] or ["runit", _, "control", _] or ["runit", _, "unicorn-follow"] => Script,
            _ => throw new ArgumentException($"`{relative}` is no output path of DESIGN.md", nameof(relative)),
        };
    }

    /// <summary>The kind of an output path, to prove that a set of files covers all of them.</summary>
    public static string KindOf(string relative) => relative.Split('/') switch
    {
        ["systemd", var f] => Path.GetExtension(f),
        ["app", var f] => f,
        ["env", _] => "env file",
        ["runit", _, "env", _] => "runit env/KEY",
        ["runit", _, "control", _] => "runit control/",
        ["runit", _, .. var rest] => "runit " + string.Join('/', rest),
        _ => relative,
    };
}
