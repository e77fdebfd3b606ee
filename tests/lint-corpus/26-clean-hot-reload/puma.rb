workers 0
queue_requests false
bind "unix:///run/app/puma.sock"
