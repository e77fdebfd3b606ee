workers 2
preload_app!
bind "tcp://127.0.0.1:9292"
