worker_processes 2
working_directory "/var/www/cheapthread/current"
stderr_path "/var/www/cheapthread/current/log/unicorn.log"
stdout_path "/var/www/cheapthread/current/log/unicorn.log"
timeout 30
listen "/var/www/cheapthread/current/tmp/sockets/unicorn.sock"
pid "/var/www/cheapthread/current/tmp/pids/unicorn.pid"
preload_app true
before_fork do |server, worker|
  defined?(ActiveRecord::Base) and ActiveRecord::Base.connection.disconnect!
end
after_fork do |server, worker|
  defined?(ActiveRecord::Base) and ActiveRecord::Base.establish_connection
end
[Unit]
Description=unicorn cheapthread service
After=network.target

[Service]
User=ubuntu
ExecStart=/usr/local/rbenv/shims/bundle exec unicorn -c /var/www/cheapthread/current/config/unicorn/production.rb -D
