[Unit]
Description=Puma HTTP Forking Server
After=network.target

[Service]
Type=simple
Environment="RAILS_ENV=production"
User=ec2-user
WorkingDirectory=/var/apps/shop_production/current/
ExecStart=/usr/local/rvm/wrappers/ruby-2.4.5@shop_production/bundle exec puma -C /var/apps/shop_production/shared/puma.rb
PIDFile=/var/apps/shop_production/shared/tmp/pids/puma.pid
Restart=always
[Install]
WantedBy=multi-user.target
