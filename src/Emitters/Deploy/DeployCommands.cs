using System.Collections.Immutable;
using UnitGen.Emitters.Install;
using UnitGen.Model;
using UnitGen.Model.Facts;

namespace UnitGen.Emitters.Deploy;

/// <summary>
/// The supervisor commands the Capistrano tasks run on a host, word by word: the one table both
/// <c>capistrano/NAME.rake</c> runs and <c>sudoers/NAME</c> allows, so the two cannot drift apart. sudo
/// matches a command with arguments exactly (sudoers(5), "Cmnd_List"): each line here is one allowed command.
/// </summary>
internal static class DeployCommands
{
    /// <summary>The verbs of the restart script the tasks run (status, and restart by each strategy).</summary>
    public static readonly ImmutableArray<ImmutableArray<string>> RestartScriptArguments =
    [
        ["restart"],
        ["restart", "phased"],
        ["restart", "hot"],
        ["restart", "normal"],
        ["status"],
    ];

    /// <summary>Where the restart script is installed on each host.</summary>
    /// <remarks>A user-scope model's is in the deploy user's home, relative to it (sshkit runs commands in the login folder).</remarks>
    public static string RestartScript(ServiceModel model) =>
        UserScope(model)
            ? $"{InstallPaths.UserCommandDir}/{RestartScriptEmitter.FileName(model)}"
            : $"{InstallPaths.CommandDir}/{RestartScriptEmitter.FileName(model)}";

    /// <summary>Whether the tasks drive the deploy user's own service manager (<c>systemd.scope: user</c> under systemd).</summary>
    public static bool UserScope(ServiceModel model) => model.IsUserScope() && Supervisor(model) == Model.Supervisor.Systemd;

    /// <summary>The supervisor the tasks drive: the model's first (a host runs the app under one).</summary>
    public static Supervisor Supervisor(ServiceModel model) => (model ?? throw new ArgumentNullException(nameof(model))).Supervisors is { IsEmpty: false } supervisors ? supervisors[0] : Model.Supervisor.Systemd;

    /// <summary>The web server's units or runit folders, in start order (the socket before the service).</summary>
    public static ImmutableArray<string> WebTargets(ServiceModel model) => Supervisor(model) == Model.Supervisor.Runit
        ? [InstallPaths.RunitService(model, model.Name)]
        : [.. model.SocketActivation && !model.Listen.IsEmpty ? [$"{model.Name}.socket"] : Array.Empty<string>(), $"{model.Name}.service"];

    /// <summary>Every instance of one process, as units or runit folders.</summary>
    public static ImmutableArray<string> ProcessTargets(ServiceModel model, ProcessSpec process) =>
    [
        .. Enumerable.Range(1, process.Instances).Select(n => Supervisor(model) == Model.Supervisor.Runit
            ? InstallPaths.RunitService(model, OutputPaths.RunitProcessFolder(model, process, n))
            : OutputPaths.ProcessInstanceUnit(model, process, n)),
    ];

    /// <summary>The Capistrano roles of a process: its own, else the web server's.</summary>
    public static ImmutableArray<string> Roles(ServiceModel model, ProcessSpec process) =>
        !process.Roles.IsEmpty ? process.Roles : WebRoles(model);

    public static ImmutableArray<string> WebRoles(ServiceModel model) =>
        (model ?? throw new ArgumentNullException(nameof(model))).Deploy?.Capistrano?.Roles ?? new CapistranoSpec().Roles;

    /// <summary>The command (program and arguments) that starts or stops <paramref name="targets"/> under the model's supervisor.</summary>
    public static ImmutableArray<string> Control(ServiceModel model, bool start, ImmutableArray<string> targets) =>
        Supervisor(model) == Model.Supervisor.Runit
            ? ["sv", start ? "up" : "down", .. targets]
            : [.. ServiceManagerFacts.SystemctlArgv(model), start ? "start" : "stop", .. targets];

    /// <summary>Every command the start, stop, status and restart tasks run with sudo (install is the administrator's: it writes units).</summary>
    public static IEnumerable<ImmutableArray<string>> Privileged(ServiceModel model)
    {
        foreach (var targets in model.Processes.Select(p => ProcessTargets(model, p)).Prepend(WebTargets(model)).Where(t => !t.IsEmpty))
        {
            yield return Control(model, start: true, targets);
            yield return Control(model, start: false, targets);
        }

        foreach (var arguments in RestartScriptArguments)
        {
            yield return [RestartScript(model), .. arguments];
        }
    }
}
