namespace UnitGen.Emitters.Deploy;

/// <summary>
/// The fixed part of <c>bin/NAME-restart</c>: POSIX sh written by UnitGen, no model value in it (those are
/// the single-quoted variables <see cref="RestartScriptEmitter"/> assigns above it).
/// </summary>
internal static class RestartScriptBody
{
    public const string Text = """
        me=${0##*/}

        usage() {
          echo "usage: $me [restart [phased|hot|normal]] | status" >&2
          exit 2
        }

        # One line on stderr and a non-zero exit: a deploy tool can trust the status.
        fail() {
          echo "$me: $*" >&2
          exit 1
        }

        now() {
          date +%s
        }

        sctl() {
          if [ -n "$user_scope" ]; then
            systemctl --user "$@"
          else
            systemctl "$@"
          fi
        }

        # The first of the model's supervisors that has the app installed on this host.
        pick_supervisor() {
          for s in $supervisors; do
            case $s in
              systemd)
                if [ -n "$user_scope" ] || [ -d /run/systemd/system ]; then
                  sctl cat "$unit" >/dev/null 2>&1 && { echo systemd; return 0; }
                fi
                ;;
              runit)
                [ -d "$runit_dir" ] && { echo runit; return 0; }
                ;;
            esac
          done
          return 1
        }

        # The supervisor's main process of the web server; nothing when it is not running.
        main_pid() {
          case $supervisor in
            systemd) pid=$(sctl show -p MainPID --value "$unit" 2>/dev/null) ;;
            runit) pid=$(sv status "$runit_dir" 2>/dev/null | sed -n 's/^run: [^(]*(pid \([0-9]*\)).*/\1/p') ;;
          esac
          [ "${pid:-0}" != 0 ] && echo "$pid"
        }

        # The server's master: the pid file's when the model has one (unicorn's master after an upgrade), else the main process.
        master() {
          if [ -n "$pidfile" ] && { read -r pid <"$pidfile"; } 2>/dev/null && kill -0 "$pid" 2>/dev/null; then
            echo "$pid"
            return 0
          fi
          main_pid
        }

        # The processes whose parent is $1 (the workers of a master), from /proc: field 4 of /proc/PID/stat.
        children() {
          for stat in /proc/[0-9]*/stat; do
            { read -r line <"$stat"; } 2>/dev/null || continue
            rest=${line##*) }
            rest=${rest#* }
            if [ "${rest%% *}" = "$1" ]; then
              pid=${stat#/proc/}
              echo "${pid%/stat}"
            fi
          done
        }

        # The threads of process $1 but its main one: an exec in place (puma's hot restart) ends them all.
        threads() {
          for task in /proc/"$1"/task/[0-9]*; do
            [ -e "$task" ] || continue
            [ "${task##*/}" = "$1" ] || echo "${task##*/}"
          done
        }

        # Whether any of the words of $2 is one of the words of $1.
        any_of() {
          for word in $2; do
            case " $1 " in *" $word "*) return 0 ;; esac
          done
          return 1
        }

        # Whether the web server runs new processes only: the old master gone or restarted in place, none of its
        # workers left (a phased restart replaces them one by one), and all workers started. Sets $state.
        replaced() {
          current=$(master) || { state="$unit is not running"; return 1; }
          if [ -n "$old_master" ] && [ "$current" != "$old_master" ] && kill -0 "$old_master" 2>/dev/null; then
            state="the old master $old_master still runs"
            return 1
          fi
          if [ "$workers" -gt 0 ]; then
            count=0
            stale=0
            for kid in $(children "$current"); do
              count=$((count + 1))
              if any_of "$old_kids" "$kid"; then
                stale=$((stale + 1))
              fi
            done
            state="$stale old worker(s) still serve, $((count - stale)) of $workers new ones running"
            [ "$stale" -eq 0 ] && [ $((count - stale)) -ge "$workers" ]
          elif [ "$current" = "$old_master" ]; then
            new_threads=$(threads "$current")
            state="the master $current has not restarted yet"
            [ -n "$new_threads" ] && ! any_of "$old_threads" "$new_threads"
          else
            state=
          fi
        }

        # Whether nothing of the old server changed yet: the signal was not acted on.
        untouched() {
          [ "$(master)" = "$old_master" ] && [ "$(children "$old_master" | tr '\n' ' ')" = "$old_kids" ]
        }

        # Whether the health path answers through the app's own listener. Sets $code and $state.
        healthy() {
          if [ -n "$health_socket" ]; then
            code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 --unix-socket "$health_socket" "$health_url")
          else
            code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$health_url")
          fi
          case $code in
            2??) return 0 ;;
            [34]??) [ -z "$health_path" ] && return 0 ;;
          esac
          if [ "${code:-000}" = 000 ]; then
            state="$health_url does not answer"
          else
            state="$health_url answers HTTP $code"
          fi
          return 1
        }

        # Sends the restart of kind $1: the signal of the server's restart-signal table, or a stop and start.
        send() {
          case $1 in
            phased) signal=$phased_signal ;;
            hot) signal=$hot_signal ;;
            *) signal= ;;
          esac
          if [ -z "$signal" ]; then
            case $supervisor in
              systemd) sctl restart "$unit" || fail "systemctl restart $unit failed: the new code does not start (journalctl -u $unit)." ;;
              runit) sv -w "$timeout" restart "$runit_dir" >/dev/null || fail "sv restart $runit_dir failed: the new code does not start ($runit_dir/log)." ;;
            esac
            return 0
          fi
          case $supervisor in
            systemd) sctl kill --kill-who=main -s "$signal" "$unit" || fail "cannot send $signal to $unit." ;;
            runit) kill -s "$signal" "$(main_pid)" || fail "cannot send $signal to $runit_dir." ;;
          esac
        }

        # Whether unit $1 (or runit folder $1) is set up on this host: enabled, supervised or running. A host of only
        # the processes' Capistrano roles has the web server's files but does not run it.
        here() {
          case $supervisor in
            systemd) sctl is-enabled --quiet "$1" 2>/dev/null || sctl is-active --quiet "$1" ;;
            runit) [ -d "$1/supervise" ] ;;
          esac
        }

        web_target() {
          case $supervisor in
            systemd) echo "$unit" ;;
            runit) echo "$runit_dir" ;;
          esac
        }

        restart_web() {
          kind=$1
          started=$(now)
          deadline=$((started + timeout))
          old_master=$(master) || old_master=
          if [ -z "$old_master" ] && ! here "$(web_target)"; then
            echo "$me: $unit is not set up on this host; only the processes restart."
            return 0
          fi
          if [ -z "$old_master" ] && [ "$kind" != normal ]; then
            fail "$unit is not running: a $kind restart needs a running server (start it: $me restart normal)."
          fi
          old_kids=$(children "${old_master:-0}" | tr '\n' ' ')
          old_threads=$(threads "${old_master:-0}" | tr '\n' ' ')
          send "$kind"
          fallback=
          until replaced; do
            t=$(now)
            [ "$t" -lt "$deadline" ] || fail "$kind restart of $unit did not finish in $timeout s: $state."
            if [ "$kind" = phased ] && [ -z "$fallback" ] && [ $((t - started)) -ge $((timeout / 3)) ] && untouched; then
              fallback=1
              kind=hot
              echo "$me: the phased restart did not start in $((t - started)) s; a hot restart instead."
              send hot
            fi
            sleep 1
          done
          until healthy; do
            [ "$(now)" -lt "$deadline" ] || fail "$kind restart of $unit: the new code does not serve after $timeout s: $state."
            sleep 1
          done
          echo "$me: $kind restart of $unit done in $(($(now) - started)) s; $health_url answers HTTP $code."
        }

        # The app's other processes, after the web server: quiet first (sidekiq stops fetching jobs), then restart.
        restart_processes() {
          case $supervisor in
            systemd)
              for u in $quiet_units; do
                if sctl is-active --quiet "$u"; then
                  sctl reload "$u" || fail "cannot quiet $u (systemctl reload)."
                fi
              done
              for u in $process_units; do
                here "$u" || continue
                sctl restart "$u" || fail "$u did not restart (journalctl -u $u)."
                restarted="$restarted $u"
              done
              ;;
            runit)
              for d in $quiet_dirs; do
                here "$d" || continue
                sv reload "$d" >/dev/null || fail "cannot quiet $d (sv reload)."
              done
              for d in $process_dirs; do
                here "$d" || continue
                sv -w "$process_stop" restart "$d" >/dev/null || fail "$d did not restart ($d/log)."
                restarted="$restarted $d"
              done
              ;;
          esac
          [ -z "$restarted" ] || echo "$me: restarted$restarted."
        }

        status() {
          rc=0
          web=1
          if pid=$(master); then
            echo "$unit: running (master $pid, $(children "$pid" | wc -l) worker process(es))"
          elif here "$(web_target)"; then
            echo "$unit: stopped"
            rc=3
          else
            echo "$unit: not set up on this host"
            web=
          fi
          case $supervisor in
            systemd)
              for u in $process_units; do
                here "$u" || continue
                echo "$u: $(sctl is-active "$u")"
                sctl is-active --quiet "$u" || rc=3
              done
              ;;
            runit)
              for d in $process_dirs; do
                here "$d" || continue
                line=$(sv status "$d" 2>&1)
                echo "$line"
                case $line in run:*) ;; *) rc=3 ;; esac
              done
              ;;
          esac
          if [ "$rc" -eq 0 ] && [ -n "$web" ]; then
            if healthy; then
              echo "health: $health_url answers HTTP $code"
            else
              echo "health: $state"
              rc=1
            fi
          fi
          exit "$rc"
        }

        command=${1:-restart}
        case $command in
          status) [ $# -le 1 ] || usage ;;
          restart) [ $# -le 2 ] || usage ;;
          *) usage ;;
        esac
        supervisor=$(pick_supervisor) || fail "$name is not installed on this host (supervisors: $supervisors)."
        case $supervisor in
          systemd) hot_signal=$hot_signal_systemd ;;
          runit) hot_signal=$hot_signal_runit ;;
        esac
        case $command in
          status)
            status
            ;;
          restart)
            kind=${2:-$strategy}
            case $kind in
              phased | hot | normal) ;;
              *) usage ;;
            esac
            if [ "$kind" = phased ] && [ -z "$phased_signal" ]; then
              echo "$me: $phased_impossible; a hot restart instead."
              kind=hot
            fi
            if [ "$kind" = hot ] && [ -z "$hot_signal" ]; then
              echo "$me: $server_name has no hot restart under $supervisor; a normal restart (stop and start) instead."
              kind=normal
            fi
            restarted=
            restart_web "$kind"
            restart_processes
            ;;
        esac

        """;
}
