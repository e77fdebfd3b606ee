using UnitGen.Formats.Shell;
using UnitGen.Model;
using UnitGen.Model.Facts;

namespace UnitGen.Emitters.Runit;

/// <summary>
/// Model → <c>runit/NAME-PROCESS-N/</c> for every instance N of a process (runit has no templates):
/// <c>run</c>, <c>log/run</c>, <c>env/</c> and, for sidekiq, <c>control/h</c>.
/// </summary>
/// <remarks>
/// runsv(8): <c>sv down</c> sends TERM then CONT, which is sidekiq's graceful stop (wait <c>-t</c>, push
/// unfinished jobs back); runsv never escalates to KILL by itself. <c>sv reload</c> sends HUP, which
/// sidekiq 6.4.1 does not trap (cli.rb traps INT TERM TTIN TSTP): Ruby's default HUP action would end
/// the process at once. control/h turns it into TSTP, sidekiq's quiet, and exits 0 so runsv sends no
/// HUP itself (runit src/runsv.c <c>custom</c>).
/// </remarks>
internal static class ProcessRunitEmitter
{
    public static IEnumerable<EmittedFile> Emit(ServiceModel model, ProcessSpec process)
    {
        var command = process.EffectiveCommand();
        if (command.IsEmpty)
        {
            yield break;
        }

        for (var n = 1; n <= process.Instances; n++)
        {
            var instance = n;
            string PathOf(string file) => OutputPaths.RunitProcessFile(model, process, instance, file);
            var folder = OutputPaths.RunitProcessFolder(model, process, instance);
            yield return Run(model, process, instance, PathOf("run"), command);
            yield return LogRunScriptEmitter.Emit(model, PathOf("log/run"), $"{LogRunScriptEmitter.LogDir(model)}/{folder[(model.Name.Length + 1)..]}");
            foreach (var variable in EnvDirEmitter.Emit(model, PathOf))
            {
                yield return variable;
            }

            if (process.Profile.QuietSignal is { } quiet)
            {
                var sh = new ShellWriter(model.Name);
                sh.Comment($"`sv reload`: quiet ({quiet}) instead of HUP, which sidekiq does not trap and would end it; no new jobs are fetched.");
                sh.Comment("Exit status 0 tells runsv not to send HUP itself. `sv down` / `sv restart` then stop it gracefully (TERM).");
                sh.Code($"exec kill -s {quiet} \"$(cat supervise/pid)\"\n");
                yield return new EmittedFile(PathOf("control/h"), sh.ToString(), EmittedFile.Executable);
            }
        }
    }

    private static EmittedFile Run(ServiceModel model, ProcessSpec process, int instance, string path, System.Collections.Immutable.ImmutableArray<string> command)
    {
        var sh = new ShellWriter(model.Name);
        if (MadeFor.Text(process, model.Server) is { } madeFor)
        {
            sh.Comment(madeFor);
        }

        sh.Comment($"Instance {instance} of `{process.Name}`. Install as {model.Runit.ServiceDir}/{OutputPaths.RunitProcessFolder(model, process, instance)} and link it into runsvdir's folder.");
        sh.Code("exec 2>&1\n");
        if (!model.Environment.IsEmpty)
        {
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

        words.AddRange(command.Select(w => (ShellWord)w));
        sh.Command([.. words]);
        return new EmittedFile(path, sh.ToString(), EmittedFile.Executable);
    }
}
