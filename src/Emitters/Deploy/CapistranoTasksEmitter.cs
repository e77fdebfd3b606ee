using UnitGen.Emitters.Install;
using UnitGen.Formats.Ruby;
using UnitGen.Model;
using UnitGen.Model.Facts;

namespace UnitGen.Emitters.Deploy;

/// <summary>
/// Model → <c>capistrano/NAME.rake</c>: Capistrano 3 tasks in the <c>unitgen:</c> namespace (DESIGN.md additions
/// of 2026-11-30) — install, start, stop, status, restart, hot_restart, phased_restart, rolling_restart — each
/// gated on the host by <c>bin/NAME-restart</c>. It is loaded from DIR (<c>import</c> in the Capfile), so it names
/// the generated files relative to its own folder.
/// </summary>
internal static class CapistranoTasksEmitter
{
    public static string OutputPath(ServiceModel model) => $"capistrano/{(model ?? throw new ArgumentNullException(nameof(model))).Name}.rake";

    /// <param name="model">The model.</param>
    /// <param name="installed">Every other generated file; those with an install path are uploaded by <c>unitgen:install</c>.</param>
    public static EmittedFile Emit(ServiceModel model, IEnumerable<EmittedFile> installed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(installed);
        var capistrano = model.Deploy?.Capistrano ?? new CapistranoSpec();
        var rb = new RubyWriter(model.Name);
        if (MadeFor.Text(model.Server) is { } madeFor)
        {
            rb.Comment(madeFor);
        }

        rb.Comment("Capistrano 3 tasks for every host of the app. In the Capfile, after require \"capistrano/deploy\":");
        rb.Comment($"  import \"<this folder>/{model.Name}.rake\"");
        rb.Comment("Tasks: unitgen:install, start, stop, status, restart, hot_restart, phased_restart, rolling_restart[KIND].");
        rb.Code("require \"shellwords\"\n\n");
        rb.Code("namespace :unitgen do\n");
        Assign(rb, "app", RubyWriter.String(model.Name));
        Assign(rb, "strategy", RubyWriter.String(model.Restart.ToString().ToLowerInvariant()));
        Assign(rb, "supervisor", RubyWriter.String(DeployCommands.Supervisor(model) == Supervisor.Runit ? "runit" : "systemd"));
        Assign(rb, "sudo", RubyWriter.Boolean(capistrano.Sudo));
        Assign(rb, "hook", RubyWriter.String(capistrano.Hook));
        Assign(rb, "rolling_limit", RubyWriter.Integer(capistrano.Rolling.Limit));
        Assign(rb, "rolling_wait", RubyWriter.Integer(capistrano.Rolling.Wait));
        Assign(rb, "restart_script", RubyWriter.String(DeployCommands.RestartScript(model)));
        Assign(rb, "user_scope", RubyWriter.Boolean(DeployCommands.UserScope(model)));
        rb.Code("  # [file in this folder's parent, installed path (relative: under the deploy user's home), mode,\n");
        rb.Code("  #  installed by root (else by the deploy user: the server config beside the app, every file of user units)]\n");
        rb.Code("  files = [\n");
        foreach (var file in installed)
        {
            if (Installed(model, file.Path) is not { } path)
            {
                continue;
            }

            var mode = "0" + Convert.ToString((int)file.Mode, 8).PadLeft(3, '0');
            // The server config lives beside the app (deploy_to/shared): root must not create or own those folders,
            // or Capistrano's own deploy:check, run as the deploy user, cannot write there.
            var byRoot = !DeployCommands.UserScope(model) && !file.Path.StartsWith("app/", StringComparison.Ordinal);
            rb.Code($"    [{string.Join(", ", RubyWriter.String(file.Path), RubyWriter.String(path), RubyWriter.String(mode), RubyWriter.Boolean(byRoot))}],\n");
        }

        rb.Code("  ].freeze\n");
        rb.Code("  # The web server, then each process: the roles that run it, its units or runit folders, the commands that start and stop them.\n");
        rb.Code("  groups = [\n");
        // The web server's socket and service are enabled as they start.
        WriteGroup(rb, DeployCommands.WebRoles(model), model, DeployCommands.WebTargets(model), DeployCommands.WebTargets(model));
        foreach (var process in model.Processes)
        {
            var targets = DeployCommands.ProcessTargets(model, process);
            // Instances are WantedBy=NAME.target: enabling the target starts them at boot (it wants the web server too).
            WriteGroup(rb, DeployCommands.Roles(model, process), model, targets, [.. targets, OutputPaths.TargetUnit(model)]);
        }

        rb.Code("  ].freeze\n\n");
        rb.Code(CapistranoTasksBody.Text);
        return new EmittedFile(OutputPath(model), rb.ToString(), EmittedFile.Readable);
    }

    private static void WriteGroup(RubyWriter rb, IEnumerable<string> roles, ServiceModel model, System.Collections.Immutable.ImmutableArray<string> targets, IEnumerable<string> enable)
    {
        rb.Code("    {\n");
        rb.Code($"      roles: {RubyWriter.Strings(roles)}.map(&:to_sym),\n");
        rb.Code($"      targets: {RubyWriter.Strings(targets)},\n");
        rb.Code($"      enable: {RubyWriter.Strings(enable.Distinct(StringComparer.Ordinal))},\n");
        rb.Code($"      start: {RubyWriter.Strings(DeployCommands.Control(model, start: true, targets))},\n");
        rb.Code($"      stop: {RubyWriter.Strings(DeployCommands.Control(model, start: false, targets))},\n");
        rb.Code("    },\n");
    }

    /// <summary>
    /// Where the host keeps the file: absolute, or for user units relative to the deploy user's home (sshkit runs
    /// each command in the login folder, the home), which only the host knows.
    /// </summary>
    private static string? Installed(ServiceModel model, string emittedPath)
    {
        if (!DeployCommands.UserScope(model))
        {
            return InstallPaths.For(model, emittedPath);
        }

        // A stand-in home no real path starts with: what InstallPaths puts under it is home-relative.
        const string home = "/unitgen-deploy-user-home";
        return InstallPaths.For(model, emittedPath, home) is { } path
            ? path.StartsWith(home + "/", StringComparison.Ordinal) ? path[(home.Length + 1)..] : path
            : null;
    }

    private static void Assign(RubyWriter rb, string name, string literal) => rb.Code($"  {name} = {literal}\n");
}
