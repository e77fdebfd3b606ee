#!/usr/bin/env puma

directory '/var/www/shop/current'
rackup "/var/www/shop/current/config.ru"
environment 'production'
pidfile "/var/www/shop/shared/tmp/pids/puma.pid"
state_path "/var/www/shop/shared/tmp/pids/puma.state"
stdout_redirect '/var/www/shop/shared/log/puma_access.log', '/var/www/shop/shared/log/puma_error.log', true

threads 0,16

bind 'unix:///var/www/shop/shared/tmp/sockets/puma.sock'
workers 0

daemonize

restart_command 'bundle exec puma'

prune_bundler
