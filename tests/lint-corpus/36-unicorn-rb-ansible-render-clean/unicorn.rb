working_directory "/home/openfoodnetwork/apps/openfoodnetwork/current"
pid "/home/openfoodnetwork/apps/openfoodnetwork/shared/tmp/pids/unicorn.pid"
stderr_path "/home/openfoodnetwork/apps/openfoodnetwork/shared/log/unicorn.log"
stdout_path "/home/openfoodnetwork/apps/openfoodnetwork/shared/log/unicorn.log"

listen "/home/openfoodnetwork/apps/openfoodnetwork/shared/tmp/unicorn.openfoodnetwork.sock"
worker_processes 4
timeout 60
