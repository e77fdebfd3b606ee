worker_processes 2
working_directory "/var/www/cheapthread/current"
timeout 30
listen "/var/www/cheapthread/current/tmp/sockets/unicorn.sock"
pid "/var/www/cheapthread/current/tmp/pids/unicorn.pid"
preload_app true
