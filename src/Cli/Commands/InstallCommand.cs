using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using UnitGen.Emitters;
using UnitGen.Emitters.Install;
using UnitGen.Emitters.Output;
using UnitGen.Model;
using UnitGen.Model.Facts;

namespace UnitGen.Cli.Commands;

/// <summary>
/// <c>unitgen install MODEL [--root DIR]</c>: writes each generated file where the model says it is installed
/// (<see cref="InstallPaths"/>), atomically and with its mode, then reloads systemd and enables the units, and
/// prints the restart command. With <c>--root</c> every path is put under DIR (a staging tree, an image, a test's
/// isolated root) and no supervisor is touched.
/// </summary>
internal static class InstallCommand
{
    /// <summary>rwxr-xr-x, what /etc/systemd/system, /etc/default and /etc/sv have on Debian.</summary>
    private const UnixFileMode InstalledFolderMode = EmittedFile.Executable;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Argument<string>("MODEL") { Description = "The unitgen.yaml to install." };
        var root = new Option<string?>("--root") { Description = "Install under this folder instead of / and touch no supervisor." };
        var command = new Command("install", "Validate MODEL, write its files to their install paths, reload systemd and enable the units.") { model, root };
        command.SetAction(parse => Execute(parse.GetValue(model)!, parse.GetValue(root), stdout, stderr));
        return command;
    }

    public static int Execute(string modelFile, string? root, TextWriter stdout, TextWriter stderr)
    {
        if (ModelInput.LoadAndValidate([modelFile], stderr) is not [var input])
        {
            return ExitCodes.Usage;
        }

        new DiagnosticPrinter(stdout, stderr, OutputFormat.Text).Print(input.Diagnostics);
        if (input.HasErrors)
        {
            stderr.WriteLine($"unitgen: {input.File} has errors; nothing was installed.");
            return ExitCodes.Failed;
        }

        if (root is { Length: 0 })
        {
            stderr.WriteLine("unitgen: error: --root is empty.");
            return ExitCodes.Usage;
        }

        var model = input.Model!;
        UserAccount? account = null;
        string? home = null;
        if (model.IsUserScope())
        {
            // A user service goes under its user's home: ~USER/.config/systemd/user (systemd.unit(5)).
            account = UserAccount.Find(model.User, root);
            if (account is null && root is null)
            {
                stderr.WriteLine($"{input.File}: error {Model.Loading.IoCodes.CannotWrite}: cannot install: user `{model.User}` does not exist here (getent passwd {model.User}), and `systemd.scope: user` installs into that user's home.");
                return ExitCodes.Failed;
            }

            home = account?.Home ?? $"/home/{model.User}";
            if (account is null)
            {
                stdout.WriteLine($"{model.User} is not in {Path.Combine(root!, "etc", "passwd")}: installing under {home}.");
            }
        }

        var placed = Generator.Emit(model)
            .Select(f => (File: f, Installed: InstallPaths.For(model, f.Path, home)))
            .ToList();
        // Relative to the root, so the writer's own guard keeps every file inside it.
        var files = placed.Where(p => p.Installed is not null)
            .Select(p => p.File with { Path = p.Installed!.TrimStart('/') })
            .ToList();
        try
        {
            // Folders it creates are 0755 whatever root's umask: the service's user must reach its config.
            var changes = OutputWriter.Write(root ?? "/", files, checkOnly: false, InstalledFolderMode);
            foreach (var change in changes)
            {
                stdout.WriteLine($"{(change.IsDrift ? "installed" : "unchanged")}: {Path.Combine(root ?? "/", change.Path)}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{root ?? "/"}: error {Model.Loading.IoCodes.CannotWrite}: cannot install: {e.Message}");
            return ExitCodes.Usage;
        }

        foreach (var (file, _) in placed.Where(p => p.Installed is null))
        {
            stdout.WriteLine($"not installed (used from the output folder): {file.Path}");
        }

        var unitDir = InstallPaths.UnitDir(model, home).TrimStart('/') + "/";
        var units = files.Select(f => f.Path).Where(p => p.StartsWith(unitDir, StringComparison.Ordinal))
            .Select(Path.GetFileName).OfType<string>().ToList();
        // A process template is enabled by its instances (ActivationCommands), in either scope.
        var enabled = ActivationCommands.EnabledUnits(model, units);
        if (root is not null)
        {
            // The tree is for another host (an image, a package, a test's isolated systemd): it runs these there.
            stdout.WriteLine($"installed under {root}; no supervisor touched.");
            if (model.IsUserScope())
            {
                stdout.WriteLine($"on the host: loginctl enable-linger {model.User}; then as {model.User}: systemctl --user daemon-reload && systemctl --user enable {string.Join(' ', enabled)}");
            }
            else
            {
                foreach (var command in ActivationCommands.For(model, units))
                {
                    stdout.WriteLine($"on the host: {string.Join(' ', command)}");
                }
            }
        }
        else if (account is not null)
        {
            if (!UserServiceInstall.Activate(account, [.. files.Select(f => "/" + f.Path)], enabled, stdout, stderr))
            {
                return ExitCodes.Failed;
            }
        }
        else if (!Activate(ActivationCommands.For(model, units), stdout, stderr))
        {
            return ExitCodes.Failed;
        }

        if (model.Supervises(Supervisor.Runit))
        {
            // runsvdir starts what is linked into its folder (Debian: /etc/service); linking is the administrator's call.
            stdout.WriteLine($"runit: start it by linking {InstallPaths.RunitService(model, model.Name)} into runsvdir's folder (Debian: ln -s {InstallPaths.RunitService(model, model.Name)} /etc/service/).");
        }

        GenerateCommand.PrintRestart(RestartCommand.For(model), stdout);
        return ExitCodes.Ok;
    }

    /// <summary>Runs <see cref="ActivationCommands"/>: `systemctl daemon-reload`, then `systemctl enable` (WantedBy= from [Install]).</summary>
    private static bool Activate(IReadOnlyList<ImmutableArray<string>> commands, TextWriter stdout, TextWriter stderr)
    {
        foreach (var command in commands)
        {
            var (program, args) = (command[0], command[1..]);
            stdout.WriteLine(string.Join(' ', command));
            var run = new ProcessStartInfo(program) { RedirectStandardError = true };
            foreach (var arg in args)
            {
                run.ArgumentList.Add(arg);
            }

            try
            {
                using var process = Process.Start(run)!;
                var error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    stderr.WriteLine($"unitgen: error: `{string.Join(' ', command)}` failed ({process.ExitCode}): {error.Trim()}");
                    return false;
                }
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                stderr.WriteLine($"unitgen: error: cannot run {program}: {e.Message}; the files are installed, reload and enable the units by hand.");
                return false;
            }
        }

        return true;
    }
}
