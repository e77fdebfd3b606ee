namespace UnitGen.Emitters.Deploy;

/// <summary>
/// The fixed Ruby of <c>capistrano/NAME.rake</c>, written by UnitGen (no model value in it): the tasks over the
/// data <see cref="CapistranoTasksEmitter"/> assigns above it. Capistrano 3.17.2 / sshkit 1.21.2 APIs: <c>on
/// roles(...)</c> with <c>in: :groups, limit:, wait:</c> (sshkit lib/sshkit/runners/group.rb: each group runs in
/// parallel, an error in a group stops the later ones), <c>upload!</c>, <c>capture</c>, <c>execute</c>, and
/// <c>after</c> (lib/capistrano/dsl/task_enhancements.rb).
/// </summary>
internal static class CapistranoTasksBody
{
    public const string Text = """
          app_dir = File.expand_path("..", __dir__)
          all_roles = groups.flat_map { |group| group[:roles] }.uniq

          # One shell command: every word quoted (sshkit joins words unquoted), through `sudo -n` when the model
          # says so (never a password prompt; sudoers/NAME allows exactly these commands).
          command = lambda do |*words|
            line = words.map { |word| Shellwords.escape(word.to_s) }.join(" ")
            sudo ? "sudo -n #{line}" : line
          end

          as_deploy_user = lambda do |*words|
            words.map { |word| Shellwords.escape(word.to_s) }.join(" ")
          end

          on_host = lambda do |host, roles|
            roles.any? { |role| host.has_role?(role) }
          end

          restart = lambda do |kind, options|
            unless [nil, "phased", "hot", "normal"].include?(kind)
              raise ArgumentError, "unitgen: restart kind #{kind.inspect} is not phased, hot or normal"
            end

            on roles(*all_roles), options do
              execute command.call(restart_script, "restart", *kind)
            end
          end

          desc "Install #{app}'s generated files on its hosts, reload #{supervisor} and enable the units (idempotent)"
          task :install do
            dry_run = dry_run?
            on roles(*all_roles) do |host|
              staging = capture(:mktemp, "-d")
              raise "unitgen: mktemp -d gave no folder on #{host}" if staging.empty? && !dry_run

              files.each_with_index do |(local, _installed, _mode, _by_root), i|
                upload! File.join(app_dir, local), "#{staging}/#{i}"
              end
              files.each_with_index do |(_local, installed, mode, by_root), i|
                if by_root
                  execute command.call("install", "-D", "-m", mode, "#{staging}/#{i}", installed)
                elsif !installed.start_with?("/")
                  # Under the deploy user's home (user units): sshkit runs the command there.
                  execute as_deploy_user.call("install", "-D", "-m", mode, "#{staging}/#{i}", installed)
                else
                  execute as_deploy_user.call("mkdir", "-p", File.dirname(installed))
                  execute as_deploy_user.call("install", "-m", mode, "#{staging}/#{i}", installed)
                end
              end
              execute as_deploy_user.call("rm", "-rf", staging)
              here = groups.select { |group| on_host.call(host, group[:roles]) }
              if supervisor == "runit"
                here.flat_map { |group| group[:targets] }.each do |folder|
                  execute command.call("ln", "-sfn", folder, "#{fetch(:unitgen_runsvdir, "/etc/service")}/#{File.basename(folder)}")
                end
              else
                systemctl = user_scope ? ["systemctl", "--user"] : ["systemctl"]
                execute command.call(*systemctl, "daemon-reload")
                units = here.flat_map { |group| group[:enable] }.uniq
                execute command.call(*systemctl, "enable", *units) unless units.empty?
              end
            end
          end

          desc "Start #{app} (web server, then processes) on its hosts"
          task :start do
            groups.each do |group|
              on roles(*group[:roles]) do
                execute command.call(*group[:start])
              end
            end
          end

          desc "Stop #{app} (processes, then web server) on its hosts"
          task :stop do
            groups.reverse_each do |group|
              on roles(*group[:roles]) do
                execute command.call(*group[:stop])
              end
            end
          end

          desc "Show whether #{app} runs and serves on each host (a stopped unit is reported, not an error)"
          task :status do
            on roles(*all_roles) do |host|
              output = capture(command.call(restart_script, "status"), raise_on_non_zero_exit: false)
              output.each_line { |line| info "#{host}: #{line.chomp}" }
            end
          end

          desc "Restart #{app} by its strategy (#{strategy}) on all hosts at once; each returns when its new code serves"
          task :restart do
            restart.call(nil, in: :parallel)
          end

          desc "Hot restart #{app} on all hosts at once; each returns when its new code serves"
          task :hot_restart do
            restart.call("hot", in: :parallel)
          end

          desc "Phased restart #{app} on all hosts at once (hot where a phased one cannot happen)"
          task :phased_restart do
            restart.call("phased", in: :parallel)
          end

          desc "Restart #{app} #{rolling_limit} host(s) at a time, #{rolling_wait} s apart ([KIND]: phased, hot, normal); a failed host stops the roll"
          task :rolling_restart, [:kind] do |_task, args|
            restart.call(args[:kind], in: :groups, limit: rolling_limit, wait: rolling_wait)
          end

          if Rake::Task.task_defined?(hook)
            # A deploy rolls: a release that cannot boot stops at the first group, and the hosts after it keep serving.
            after hook, "unitgen:rolling_restart"
          else
            warn "unitgen: no task #{hook} to restart #{app} after (deploy.capistrano.hook); require \"capistrano/deploy\" before importing #{__FILE__}"
          end
        end

        """;
}
