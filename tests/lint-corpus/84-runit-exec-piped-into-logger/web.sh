#!/bin/bash
# runit service for the web process
cd /home/app/shop

/opt/bin/wait-for-db
exec chpst -u app bundle exec puma -C /etc/shop-puma.rb \
  2>&1 | logger -t shop-web
