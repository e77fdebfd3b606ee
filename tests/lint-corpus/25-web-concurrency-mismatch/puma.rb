workers 2
bind "tcp://127.0.0.1:9292"
