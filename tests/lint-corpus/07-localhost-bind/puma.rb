bind 'tcp://localhost:9292'
