worker_processes 2
listen "127.0.0.1:8080"
timeout 30
preload_app false
