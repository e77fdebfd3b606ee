using UnitGen.Model;

namespace UnitGen.Emitters.Install;

/// <summary>
/// Where each generated file goes on the host (DESIGN.md "CLI additions", <c>unitgen install</c>): decided by the
/// top folder of its output path, so any file an emitter adds under a known folder is installed with no change here.
/// </summary>
internal static class InstallPaths
{
    /// <summary>systemd's folder for units the administrator installs (systemd.unit(5), "System Unit Search Path").</summary>
    public const string SystemUnitDir = "/etc/systemd/system";

    /// <summary>Where a host-side command (DIR/bin/...) is installed: on root's and the deploy user's PATH.</summary>
    public const string CommandDir = "/usr/local/bin";

    /// <returns>
    /// The absolute install path of the emitted file at <paramref name="emittedPath"/>, or null for a file that is
    /// not installed on the host (e.g. capistrano/, which the deploy machine loads from DIR).
    /// </returns>
    public static string? For(ServiceModel model, string emittedPath)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(emittedPath);
        var slash = emittedPath.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }

        var (top, rest) = (emittedPath[..slash], emittedPath[(slash + 1)..]);
        return top switch
        {
            "systemd" => $"{SystemUnitDir}/{rest}",
            "runit" => $"{model.Runit.ServiceDir.TrimEnd('/')}/{rest}",
            // The unit's EnvironmentFile= and the server's -C/-c name these paths; the files must be where they point.
            "env" when emittedPath == OutputPaths.EnvironmentFile(model) => model.EnvFilePath,
            "app" when emittedPath == OutputPaths.PumaConfig || emittedPath == OutputPaths.UnicornConfig => OutputPaths.InstalledServerConfig(model),
            "bin" => $"{CommandDir}/{rest}",
            _ => null,
        };
    }
}
