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
            var changes = OutputWriter.Write(root ?? "/", files, checkOnly: false);
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
        if (root is not null)
        {
            stdout.WriteLine($"installed under {root}; no supervisor touched.");
            if (model.IsUserScope())
            {
                stdout.WriteLine($"on the host: loginctl enable-linger {model.User}; then as {model.User}: systemctl --user daemon-reload && systemctl --user enable {string.Join(' ', units)}");
            }
        }
        else if (account is not null)
        {
            if (!UserServiceInstall.Activate(account, [.. files.Select(f => "/" + f.Path)], units, stdout, stderr))
            {
                return ExitCodes.Failed;
            }
        }
        else if (units.Count > 0 && !Activate(units, stdout, stderr))
        {
            return ExitCodes.Failed;
        }

        if (root is null && model.Supervises(Supervisor.Runit))
        {
            // runsvdir starts what is linked into its folder (Debian: /etc/service); linking is the administrator's call.
            stdout.WriteLine($"runit: start it by linking {model.Runit.ServiceDir.TrimEnd('/')}/{model.Name} into runsvdir's folder (Debian: ln -s {model.Runit.ServiceDir.TrimEnd('/')}/{model.Name} /etc/service/).");
        }

        GenerateCommand.PrintRestart(RestartCommand.For(model), stdout);
        return ExitCodes.Ok;
    }

    /// <summary>`systemctl daemon-reload`, then `systemctl enable` for the units (WantedBy= from their [Install]).</summary>
    private static bool Activate(IReadOnlyList<string> units, TextWriter stdout, TextWriter stderr)
    {
        string[][] commands = [["daemon-reload"], ["enable", .. units]];
        foreach (var args in commands)
        {
            stdout.WriteLine($"systemctl {string.Join(' ', args)}");
            var run = new ProcessStartInfo("systemctl") { RedirectStandardError = true };
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
                    stderr.WriteLine($"unitgen: error: `systemctl {string.Join(' ', args)}` failed ({process.ExitCode}): {error.Trim()}");
                    return false;
                }
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                stderr.WriteLine($"unitgen: error: cannot run systemctl: {e.Message}; the files are installed, reload and enable the units by hand.");
                return false;
            }
        }

        return true;
    }
}
