using UnitGen.Model;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint.Rules;

internal sealed class UG0206ServerDaemonizes : LintServiceRule
{
    private static readonly Version DaemonizeRemoved = new(5, 0, 0);

    public override string Code => "UG0206";

    public override Severity Severity => Severity.Error;

    public override string Title => "The server daemonizes (puma `-d`/`daemonize`, unicorn `-D`): removed in puma 5.0, under Type=simple/notify systemd sees the main process exit and stops the service, and runsv starts it again beside the detached one.";

    public override string Fix => "Drop `-d`/`--daemon`/`daemonize` (`-D` for unicorn) and run in the foreground with `Type=simple`.";

    public override string Explanation =>
        "puma 5.0 removed daemonization (History.md 5.0.0, #2170): `-d` is an invalid option and `daemonize` is an undefined " +
        "method in puma.rb (lib/puma/dsl.rb 5.0.0 has no `daemonize`), so puma exits at boot. On older puma and on unicorn, a " +
        "daemonizing server under Type=simple or Type=notify exits in the process systemd started: systemd takes the service " +
        "as finished and stops what is left of it (KillMode=control-group). Under runit, runsv restarts a run script whose " +
        "process exits (runsv(8)), and the new server cannot bind the port the detached one holds. A puma.rb nothing given " +
        "starts is judged by its puma version: an error from 5.0 on, a warning when the version is unknown. " +
        "Only Type=forking with a PIDFile= fits a daemon, and " +
        "systemd's own advice is not to daemonize (daemon(7)).";

    public override IEnumerable<LintServiceFinding> Check(LintedService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (ServerDaemon.Daemonizes(service) is not { } where)
        {
            yield break;
        }

        var model = service.Model.Server;
        var removed = model.IsPuma && model.Version is { } v && v >= DaemonizeRemoved;
        if (removed)
        {
            yield return new LintServiceFinding(where.File, where.Line, where.Column,
                $"puma {model.Version} has no daemon mode (removed in 5.0): `{where.Text}` makes it exit at boot.");
        }
        else if (service.IsSystemd)
        {
            if (service.Service.Unit.Last("Service", "Type")?.Value != "forking")
            {
                yield return new LintServiceFinding(where.File, where.Line, where.Column,
                    $"`{where.Text}` daemonizes the server: the process systemd started exits, and systemd stops the service.");
            }
        }
        else if (service.Model.Supervises(Supervisor.Runit))
        {
            yield return new LintServiceFinding(where.File, where.Line, where.Column,
                $"`{where.Text}` daemonizes the server: the process runsv started exits, runsv starts it again, and the detached server keeps the port (EADDRINUSE).");
        }
        else if (model.IsPuma && model.Version is null)
        {
            // An app config nothing given starts, puma version unknown: the verdict depends on it. A known puma < 5 daemonizes
            // as asked (pumactl start, an init script): nothing given supervises it, so nothing is wrong.
            yield return new LintServiceFinding(where.File, where.Line, where.Column,
                "`daemonize` was removed in puma 5.0: there it is an undefined method and puma does not boot; older puma detaches from " +
                "whatever supervises it. State the version (Gemfile.lock, --puma-version) for a firm verdict.", Severity.Warning);
        }
    }
}

/// <summary>
/// Where a server is told to daemonize: puma's <c>-d</c>/<c>--daemon</c> or <c>daemonize</c>, unicorn's <c>-D</c>/<c>--daemonize</c>,
/// on a unit's ExecStart=, a run script's exec line, or in the app config.
/// </summary>
internal static class ServerDaemon
{
    public static (LintFile File, int Line, int Column, string Text)? Daemonizes(LintedService service)
    {
        var profile = service.Model.Server.Profile;
        var flags = profile.DaemonizeOptions;
        if (service.StartWords.FirstOrDefault(flags.Contains) is { } flag)
        {
            if (service.IsSystemd && service.Service.Unit.Last("Service", "ExecStart") is { } start)
            {
                return (service.Service, start.Line, start.ValueColumn, flag);
            }

            if (service.ScriptWords.FirstOrDefault(w => w.Text == flag) is { } word)
            {
                return (service.Service, word.Line, word.Column, flag);
            }
        }

        if (profile.DaemonizeCall is { } method && service.AppConfig?.Ruby.Last(method) is { } call
            && (call.Arguments.IsEmpty || call.Arguments[0].Known is true))
        {
            return (service.AppConfig, call.Line, call.Column, method);
        }

        return null;
    }
}
