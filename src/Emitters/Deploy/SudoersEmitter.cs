using UnitGen.Formats.Sudoers;
using UnitGen.Model;

namespace UnitGen.Emitters.Deploy;

/// <summary>
/// Model → <c>sudoers/NAME</c> (with <c>deploy.capistrano.sudo: true</c>): the deploy user may run, as root and
/// without a password, exactly the commands of the Capistrano tasks (<see cref="DeployCommands.Privileged"/>):
/// start and stop these units, the restart script's verbs — and nothing else. <c>unitgen:install</c> writes
/// units and is the administrator's (whoever may install a unit is root).
/// </summary>
internal static class SudoersEmitter
{
    /// <summary>0440, as sudo wants its drop-ins (sudoers(5): not writable by anyone, owned by root).</summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.GroupRead;

    /// <summary>
    /// Where sudo may find the supervisor programs: Debian 12 merges /bin into /usr/bin, older systems have them in
    /// /bin; sudo resolves the program through its secure_path before it matches (sudoers(5) "Command_Spec").
    /// </summary>
    private static readonly string[] ProgramFolders = ["/usr/bin", "/bin"];

    public static string OutputPath(ServiceModel model) => $"sudoers/{(model ?? throw new ArgumentNullException(nameof(model))).Name}";

    public static EmittedFile Emit(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var alias = "UNITGEN_" + model.Name.ToUpperInvariant().Replace('-', '_');
        var sudoers = new SudoersWriter(model.Name);
        sudoers.Comment($"Install as /etc/sudoers.d/{model.Name} (mode 0440), after `visudo -c -f` accepts it.");
        sudoers.Comment($"Lets {model.User} run the commands of the unitgen: Capistrano tasks of {model.Name} as root, and nothing else.");
        var commands = DeployCommands.Privileged(model)
            .SelectMany(words => words[0].StartsWith('/')
                ? [words.ToArray()]
                : ProgramFolders.Select(folder => (string[])[$"{folder}/{words[0]}", .. words.Skip(1)]));
        sudoers.CommandAlias(alias, [.. commands]);
        sudoers.AllowAsRootWithoutPassword(model.User, alias);
        return new EmittedFile(OutputPath(model), sudoers.ToString(), Mode);
    }
}
