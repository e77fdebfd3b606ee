using UnitGen.Formats.Shell;
using UnitGen.Model;
using UnitGen.Model.Facts;

namespace UnitGen.Emitters.Runit;

/// <summary>
/// Model → <c>runit/NAME/run</c>: change to the app folder, then <c>exec chpst</c> (user, env dir) into
/// the server — or, for unicorn, into <c>unicorn-follow</c>, which keeps following the master across
/// a USR2 upgrade (UG0601). <c>exec</c> keeps the PID runsv signals (UG0602).
/// </summary>
internal static class RunScriptEmitter
{
    public static EmittedFile Emit(ServiceModel model)
    {
        var sh = new ShellWriter(model.Name);
        if (MadeFor.Text(model.Server) is { } madeFor)
        {
            sh.Comment(madeFor);
        }

        sh.Comment($"Install as {model.Runit.ServiceDir}/{model.Name} and link it into runsvdir's folder (e.g. /etc/service).");
        sh.Code("exec 2>&1\n");
        var needsServiceDir = !model.Environment.IsEmpty || model.Server.Profile.ReexecsMaster;
        if (needsServiceDir)
        {
            // runsv starts ./run in the service folder: remember it before leaving for the app's
            // folder, so env/ and unicorn-follow are found wherever the folder is installed.
            sh.Code("service_dir=$(pwd)\n");
        }

        if (model.Directory is { } dir)
        {
            sh.Command(ShellWord.Code("cd"), dir, ShellWord.Code("|| exit 1"));
        }

        List<ShellWord> words = [ShellWord.Code("exec chpst -u"), model.Group is { } group ? $"{model.User}:{group}" : model.User];
        if (!model.Environment.IsEmpty)
        {
            words.Add(ShellWord.Code("-e \"$service_dir/env\""));
        }

        if (model.Server.Profile.ReexecsMaster)
        {
            words.Add(ShellWord.Code("\"$service_dir/" + UnicornFollowerEmitter.FileName + "\""));
        }

        words.AddRange(model.Server.EffectiveCommand(OutputPaths.InstalledServerConfig(model)).Select(w => (ShellWord)w));
        sh.Command([.. words]);
        return new EmittedFile(OutputPaths.RunitFile(model, "run"), sh.ToString(), EmittedFile.Executable);
    }
}
