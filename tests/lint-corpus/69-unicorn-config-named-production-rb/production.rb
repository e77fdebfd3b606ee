worker_processes 2
# rename your server path
app_directory = "/var/www/template_project/current"
working_directory app_directory
listen "/var/www/template_project/current/tmp/sockets/unicorn.sock", backlog: 128
timeout 30
pid "/var/www/template_project/current/tmp/pids/unicorn.pid"

stderr_path "/var/www/template_project/current/log/unicorn_pro_error.log"
stdout_path "/var/www/template_project/current/log/unicorn_pro.log"

preload_app true

before_fork do |server, worker|
  old_pid = "#{server.config[:pid]}.oldbin"
  if old_pid != server.pid
    begin
      Process.kill(:QUIT, File.read(old_pid).to_i)
    rescue Errno::ENOENT, Errno::ESRCH
    end
  end
  sleep 1
end
