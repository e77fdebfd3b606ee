#!/usr/bin/env puma

directory '/home/deploy/apps/shop/current'
rackup "/home/deploy/apps/shop/current/config.ru"
environment 'production'

threads 0,16
workers 2

bind 'tcp://0.0.0.0:80'
