using UnitGen.Formats.Shell;
using UnitGen.Model;

namespace UnitGen.Emitters.Runit;

/// <summary>
/// Model → <c>runit/NAME/control/h</c>, run by runsv for <c>sv reload</c> / <c>sv hup</c>. runsv waits for
/// a control script and, when it exits 0, does not send the signal itself (runsv(8), runit
/// <c>src/runsv.c</c> <c>custom</c>). The script only sends a signal, so the command returns at once
/// while the server restarts in the background (fire-and-forget).
/// </summary>
/// <remarks>
/// <c>sv 1</c> / <c>sv 2</c> need no script: runsv sends USR1/USR2 itself, which is puma's phased/hot
/// restart and, through unicorn-follow, unicorn's USR2 upgrade. <c>control/t</c> is left alone on
/// purpose: runsv also runs it for <c>sv down</c>, which must stop the server.
/// </remarks>
internal static class ControlScriptEmitter
{
    public static EmittedFile? Emit(ServiceModel model)
    {
        var profile = model.Server.Profile;
        if (profile.RunitReload(model.Restart) is not { } signal)
        {
            return null;
        }

        var sh = new ShellWriter(model.Name);
        sh.Comment($"`sv reload`: {profile.RunitReloadReason(signal)}");
        sh.Comment("Exit status 0 tells runsv not to send HUP itself; the restart runs in the background.");
        sh.Code($"exec kill -s {signal.Signal} \"$(cat supervise/pid)\"\n");
        return new EmittedFile(OutputPaths.RunitFile(model, "control/h"), sh.ToString(), EmittedFile.Executable);
    }
}
