using UnitGen.Model;
using UnitGen.Model.Facts;

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

    /// <summary>Where a host-side command of a user-scope model is installed: the user's own bin folder, no root needed.</summary>
    public const string UserCommandDir = ".local/bin";

    /// <param name="model">The model whose file it is.</param>
    /// <param name="emittedPath">The file's path in the output folder (<c>systemd/NAME.service</c>).</param>
    /// <param name="userHome">
    /// The home folder of the model's user; required for a user-scope model, whose units, env file and commands go
    /// under it (systemd.unit(5), "User Unit Search Path": ~/.config/systemd/user).
    /// </param>
    /// <returns>
    /// The absolute install path of the emitted file at <paramref name="emittedPath"/>, or null for a file that is
    /// not installed on the host (e.g. capistrano/, which the deploy machine loads from DIR).
    /// </returns>
    public static string? For(ServiceModel model, string emittedPath, string? userHome = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(emittedPath);
        var user = model.IsUserScope();
        if ((user && userHome is not { Length: > 0 }) || userHome?.StartsWith('/') == false)
        {
            throw new ArgumentException("A user-scope model installs under its user's home: give the absolute home folder.", nameof(userHome));
        }

        var home = userHome?.TrimEnd('/');
        var slash = emittedPath.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }

        var (top, rest) = (emittedPath[..slash], emittedPath[(slash + 1)..]);
        return top switch
        {
            "systemd" when user => $"{home}/{ServiceManagerFacts.UserUnitFolder}/{rest}",
            "systemd" => $"{SystemUnitDir}/{rest}",
            "runit" => RunitService(model, rest),
            // The unit's EnvironmentFile= and the server's -C/-c name these paths; the files must be where they point.
            "env" when emittedPath == OutputPaths.EnvironmentFile(model) && ServiceManagerFacts.UserEnvFileUnderHome(model) is { } underHome => $"{home}/{underHome}",
            "env" when emittedPath == OutputPaths.EnvironmentFile(model) => model.EnvFilePath,
            "app" when emittedPath == OutputPaths.ServerConfig(model) => OutputPaths.InstalledServerConfig(model),
            "bin" when user => $"{home}/{UserCommandDir}/{rest}",
            "bin" => $"{CommandDir}/{rest}",
            _ => null,
        };
    }

    /// <summary>The folder the units of <paramref name="model"/> are installed to.</summary>
    public static string UnitDir(ServiceModel model, string? userHome = null) =>
        For(model, "systemd/x", userHome) is { } path ? path[..^2] : SystemUnitDir;

    /// <summary>A runit service folder (or a file in it) where it is installed: <c>/etc/sv/NAME</c>.</summary>
    public static string RunitService(ServiceModel model, string folder) => $"{model.Runit.ServiceDir.TrimEnd('/')}/{folder}";
}
