worker_processes 2
listen "0.0.0.0:8080"
timeout 30
