workers 2
threads 5, 5
preload_app! false
queue_requests false
bind "tcp://127.0.0.1:9292"
