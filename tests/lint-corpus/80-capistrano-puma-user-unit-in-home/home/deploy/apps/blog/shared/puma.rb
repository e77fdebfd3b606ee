#!/usr/bin/env puma

directory '/home/deploy/apps/blog/current'
rackup "/home/deploy/apps/blog/current/config.ru"
environment 'production'

threads 0,16
workers 2

bind 'tcp://127.0.0.1:3000'
