directory "/srv/hooks"
environment ENV["RACK_ENV"] || "development"
state_path "/run/hooks/puma.state"
bind "unix:///run/hooks/puma.sock"
workers ENV["HOOKS_WORKERS"] || 8
threads 4, 4
prune_bundler
