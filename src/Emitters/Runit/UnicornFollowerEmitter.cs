using UnitGen.Formats.Shell;
using UnitGen.Model;
using UnitGen.Model.Facts;

namespace UnitGen.Emitters.Runit;

/// <summary>
/// Model → <c>runit/NAME/unicorn-follow</c>: the foreground process runsv supervises for unicorn.
/// A USR2 upgrade forks a NEW master (a child of the old one, unicorn <c>lib/unicorn/http_server.rb</c>
/// <c>reexec</c>) and the old one then quits; run straight from ./run, runsv would see its process
/// exit and start a second unicorn against the port the new master holds (UG0601). This script starts
/// the master, passes every signal on, and when the master it follows is gone, follows the one named
/// in the pid file — it exits only when no master is left, so `sv down` stops everything.
/// </summary>
internal static class UnicornFollowerEmitter
{
    public const string FileName = "unicorn-follow";

    /// <summary>Fixed text after the pidfile assignment; no model value goes into it.</summary>
    private const string Follow = """
        mkdir -p "${pidfile%/*}" || exit 1

        "$@" &
        master=$!
        child=$master
        stopping=

        # A unicorn process with this PID: a pid file left by a crash may name a recycled PID.
        alive() {
          kill -0 "$1" 2>/dev/null && grep -q unicorn "/proc/$1/cmdline" 2>/dev/null
        }

        # The newest live master: the pid file's; else, while a master is starting an upgrade, the
        # one it renamed to PID.oldbin (unicorn renames the file before forking the new master).
        newest() {
          for file in "$pidfile" "$pidfile.oldbin"; do
            pid=$(cat "$file" 2>/dev/null) || continue
            if alive "$pid"; then
              echo "$pid"
              return 0
            fi
          done
          return 1
        }

        # Signals go to the newest master: the followed one may be the old master of an upgrade in
        # progress, or gone already when a signal comes before the loop notices. Stop signals go to both.
        forward() {
          current=$(newest) || current=
          if [ -n "$current" ] && [ "$current" != "$master" ]; then
            kill -s "$1" "$current" 2>/dev/null || :
            [ -n "$stopping" ] || return 0
          fi
          kill -s "$1" "$master" 2>/dev/null || :
        }

        # runsv's `sv down` sends TERM, which is unicorn's immediate stop: pass QUIT, the graceful one
        # (workers finish their requests), as systemd does with KillSignal=SIGQUIT.
        trap 'stopping=1; forward QUIT' TERM QUIT
        trap 'stopping=1; forward INT' INT
        trap 'forward HUP' HUP
        trap 'forward USR1' USR1
        trap 'forward USR2' USR2
        trap 'forward WINCH' WINCH
        trap 'forward TTIN' TTIN
        trap 'forward TTOU' TTOU

        while :; do
          if [ "$master" = "$child" ]; then
            # Our own child: wait reaps it, and returns early for a trapped signal.
            wait "$master"
          else
            # A master started by USR2 is not our child: poll it.
            sleep 1 &
            wait $!
          fi
          if alive "$master"; then
            continue
          fi
          # The master is gone. After a USR2 upgrade the pid file names its successor.
          master=$(newest) || break
          if [ -n "$stopping" ]; then
            forward QUIT
          fi
        done
        exit 0

        """;

    public static EmittedFile Emit(ServiceModel model)
    {
        var sh = new ShellWriter(model.Name);
        sh.Comment("Runs unicorn (the arguments) for runsv and follows its master across USR2 upgrades.");
        // UG0601 refuses a unicorn model under runit without a pid file; the model path is a fallback for library callers that skip validation.
        sh.Assign("pidfile", UnicornFacts.Pidfile(model) ?? $"/run/{model.Name}/unicorn.pid");
        sh.Code(Follow);
        return new EmittedFile(OutputPaths.RunitFile(model, FileName), sh.ToString(), EmittedFile.Executable);
    }
}
