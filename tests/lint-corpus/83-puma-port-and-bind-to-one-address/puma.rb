# Puma for the listings site
environment ENV.fetch('RAILS_ENV', 'development')
threads_count = ENV.fetch('RAILS_MAX_THREADS', 5).to_i
threads threads_count, threads_count

# HTTP port
port ENV.fetch('PORT', 5000)
# listen on all interfaces
bind "tcp://0.0.0.0:#{ENV.fetch('PORT', 5000)}"

workers ENV.fetch('WEB_CONCURRENCY', 1).to_i
plugin :tmp_restart
