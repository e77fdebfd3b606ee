bind 'unix://tmp/puma.sock'
