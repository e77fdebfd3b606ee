# config/unicorn.rb
working_directory "/home/deploy/apps/your_rails_app"
pid "/home/deploy/apps/your_rails_app/tmp/pids/unicorn.pid"
stderr_path "/home/deploy/apps/your_rails_app/log/unicorn.log"
stdout_path "/home/deploy/apps/your_rails_app/log/unicorn.log"

listen '/tmp/unicorn.your_rails_app.sock' # the socket nginx proxies to
worker_processes 2
timeout 30
