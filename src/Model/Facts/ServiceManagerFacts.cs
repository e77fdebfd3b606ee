namespace UnitGen.Model.Facts;

/// <summary>
/// What differs between the system manager and a per-user manager (<see cref="SystemdScope"/>), in one place
/// for the emitters, <c>install</c>, the restart command and lint.
/// </summary>
internal static class ServiceManagerFacts
{
    /// <summary>The target a boot (system) or the start of the user's manager (user) reaches.</summary>
    /// <remarks>
    /// systemd.special(7) of systemd 252: multi-user.target is a system unit only; a user manager starts
    /// default.target (/usr/lib/systemd/user/default.target), so <c>WantedBy=multi-user.target</c> in a user
    /// unit is enabled into a target that never starts.
    /// </remarks>
    public const string UserBootTarget = "default.target";

    public const string SystemBootTarget = "multi-user.target";

    /// <summary>The folder of a user's own units under their home (systemd.unit(5), "User Unit Search Path": <c>~/.config/systemd/user</c>).</summary>
    public const string UserUnitFolder = ".config/systemd/user";

    public static bool IsUserScope(this ServiceModel model) =>
        (model ?? throw new ArgumentNullException(nameof(model))).Systemd.Scope == SystemdScope.User;

    public static string BootTarget(ServiceModel model) => model.IsUserScope() ? UserBootTarget : SystemBootTarget;

    /// <summary><c>systemctl</c>, or <c>systemctl --user</c> for a user manager's units.</summary>
    public static string Systemctl(ServiceModel model) => string.Join(' ', SystemctlArgv(model));

    /// <summary><see cref="Systemctl"/> as program and arguments, for a command line built word by word.</summary>
    public static IReadOnlyList<string> SystemctlArgv(ServiceModel model) => model.IsUserScope() ? ["systemctl", "--user"] : ["systemctl"];

    /// <summary>
    /// Where a user-scope model's environment file lives when the model names none: relative to the user's home,
    /// written into the unit as <c>%h/...</c>. The system default, /etc/default/NAME, needs root to write.
    /// </summary>
    public static string? UserEnvFileUnderHome(ServiceModel model) =>
        model.IsUserScope() && model.EnvFile is null ? $".config/{model.Name}/{model.Name}.env" : null;
}
