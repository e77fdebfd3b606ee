using UnitGen.Formats.Shell;
using UnitGen.Model;

namespace UnitGen.Emitters.Runit;

/// <summary>
/// Model → <c>runit/NAME/log/run</c>: svlogd, as the app's user, into <c>runit.logDir</c> (default
/// <c>/var/log/NAME</c>), with precise timestamps. runsv pipes ./run's stdout (and stderr: run does
/// <c>exec 2&gt;&amp;1</c>) into it.
/// </summary>
internal static class LogRunScriptEmitter
{
    public static EmittedFile Emit(ServiceModel model) =>
        Emit(model, OutputPaths.RunitFile(model, "log/run"), LogDir(model));

    /// <summary>The web server's log folder: <c>runit.logDir</c>, default <c>/var/log/NAME</c>.</summary>
    public static string LogDir(ServiceModel model) => model.Runit.LogDir ?? $"/var/log/{model.Name}";

    /// <summary>A log/run script at <paramref name="path"/> writing into <paramref name="dir"/> (svlogd locks its folder: one per service).</summary>
    public static EmittedFile Emit(ServiceModel model, string path, string dir)
    {
        var owner = model.Group is { } group ? $"{model.User}:{group}" : model.User;
        var sh = new ShellWriter(model.Name);
        sh.Command(ShellWord.Code("mkdir -p"), dir, ShellWord.Code("|| exit 1"));
        sh.Command(ShellWord.Code("chown"), owner, dir, ShellWord.Code("|| exit 1"));
        sh.Command(ShellWord.Code("exec chpst -u"), owner, ShellWord.Code("svlogd -tt"), dir);
        return new EmittedFile(path, sh.ToString(), EmittedFile.Executable);
    }
}
