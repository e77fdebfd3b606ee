directory '/home/rubyworker/your_app'
environment 'production'
threads 1, 6
workers 0
bind 'unix:///home/rubyworker/your_app/tmp/sockets/puma.sock'
pidfile '/home/rubyworker/your_app/tmp/pids/puma.pid'
state_path '/home/rubyworker/your_app/tmp/pids/puma.state'
