using UnitGen.Model.Loading;
using UnitGen.Model.Rules;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Rules;

/// <summary>
/// Each rule with one model that triggers it (code at line:col) and a near twin that does not.
/// Models start from <see cref="Head"/> (lines 1-4), so the line numbers below count from there.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public class RuleTests
{
    private const string Head = "name: app\nuser: deploy\ndirectory: /srv/app\nserver:\n";

    public static TheoryData<string, string, int, int> Triggers => new()
    {
        { "UG0101", "  type: puma\n  binds: [ \"tcp://localhost:9292\" ]\nlisten: [ \"tcp://127.0.0.1:9292\" ]\n", 6, 12 },
        { "UG0102", "  type: puma\n  binds: [ \"tcp://127.0.0.1:9292\" ]\nlisten:\n  - tcp://127.0.0.1:9292\n  - tcp://127.0.0.1:9393\n", 9, 5 },
        { "UG0103", "  type: puma\n  binds: [ \"tcp://0.0.0.0:9292\" ]\nlisten: [ \"9292\" ]\n", 6, 12 },
        { "UG0104", "  type: puma\nlisten: [ \"tcp://localhost:9292\" ]\n", 6, 11 },
        { "UG0105", "  type: unicorn\n  binds: [ \"tcp://0.0.0.0:8080\" ]\nlisten: [ \"tcp://127.0.0.1:8080\" ]\n", 6, 12 },
        { "UG0106", "  type: puma\nlisten:\n  - \"9292\"\n  - tcp://127.0.0.1:9292\n", 8, 5 },
        { "UG0107", "  type: puma\nlisten: [ \"unix://tmp/app.sock\" ]\n", 6, 11 },
        { "UG0108", "  type: puma\nlisten:\n  - uri: unix:///run/app/app.sock\n    mode: \"0660\"\n", 7, 5 },
        { "UG0109", "  type: kestrel\n  command: [ /srv/app/App ]\nlisten: [ \"tcp://127.0.0.1:5000\" ]\n", 7, 9 },
        { "UG0110", "  type: kestrel\n  command: [ /srv/app/App ]\n  useSystemd: true\nenvironment:\n  Kestrel__Endpoints__web__Url: \"http://127.0.0.1:5000\"\nlisten: [ \"tcp://127.0.0.1:5000\" ]\n", 9, 3 },
        { "UG0111", "  type: kestrel\n  version: \"3.1\"\n  command: [ /srv/app/App ]\n  useSystemd: true\nlisten:\n  - tcp://127.0.0.1:5000\n  - tcp://127.0.0.1:5001\n", 11, 5 },
        { "UG0112", "  type: puma\n  version: \"5.3.2\"\nlisten: [ \"unix:///var/run/app/puma.sock\" ]\n", 7, 11 },
        { "UG0201", "  type: puma\n  command: [ bash, -lc, \"cd /srv/app && puma\" ]\nlisten: [ \"tcp://127.0.0.1:9292\" ]\n", 6, 12 },
        { "UG0202", "  type: puma\n  command: bundle exec puma -C /srv/app/puma.rb\nlisten: [ \"tcp://127.0.0.1:9292\" ]\n", 6, 12 },
        { "UG0203", "  type: puma\n  command: bin/puma -C /srv/app/puma.rb\n", 6, 12 },
        { "UG0301", "  type: puma\nsystemd:\n  watchdogSec: 10\n", 7, 16 },
        { "UG0302", "  type: puma\n  version: \"5.6.5\"\nsystemd:\n  notify: true\n", 8, 11 },
        { "UG0303", "  type: puma\n  version: \"6.4.2\"\nrestart: hot\nsystemd:\n  notify: true\n  watchdogSec: 10\n", 10, 16 },
        { "UG0401", "  type: puma\n  workers: 0\nrestart: phased\n", 6, 12 },
        { "UG0402", "  type: puma\n  version: \"5.6.5\"\n  workers: 2\nenvironment: { WEB_CONCURRENCY: \"2\" }\nrestart: phased\n", 9, 10 },
        { "UG0404", "  type: unicorn\nrestart: hot\n", 6, 10 },
        { "UG0405", "  type: kestrel\n  command: [ /srv/app/App ]\nrestart: hot\n", 7, 10 },
        { "UG0501", "  type: puma\nenvironment:\n  1BAD: x\n", 7, 3 },
        { "UG0501", "  type: puma\nsupervisor: runit\nenvironment:\n  AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA: x\n", 8, 3 },
        { "UG0502", "  type: puma\nenvironment:\n  GOOD: \"a\\nb\"\n", 7, 9 },
        { "UG0504", "  type: puma\n  workers: 2\nenvironment: { WEB_CONCURRENCY: \"4\" }\n", 7, 33 },
        { "UG0510", "  type: puma\nenvironment:\n  BIG: " + new string('x', 131072) + "\n", 7, 8 },
        { "UG0510", "  type: unicorn\n  rackup: " + new string('x', 131072) + "\n", 6, 11 },
        { "UG0510", "  type: puma\n  command: /usr/bin/puma" + string.Concat(Enumerable.Repeat(" x", 120_000)) + "\n", 6, 12 },
        { "UG0701", "  type: puma\ndescription: \"a\\nExecStartPre=/bin/rm -rf /\"\n", 6, 14 },
        { "UG0705", "  type: puma\n", 2, 7 },
        { "UG0203", "  type: puma\n  command: [ \"-/usr/bin/puma\" ]\n", 6, 12 },
        { "UG0203", "  type: puma\n  command: [ \"..\" ]\n", 6, 12 },
        { "UG0203", "  type: puma\n  command: [ \";\", x ]\n", 6, 12 },
        { "UG0723", "  type: puma\n  command: [ /usr/bin/. ]\n", 6, 12 },
        { "UG0701", "  type: puma\ndescription: \"ends in a backslash\\\\\"\n", 6, 14 },
        { "UG0701", "  type: puma\n  command: [ /usr/bin/puma, \"a\\uFDD4\" ]\n", 6, 12 },
        { "UG0402", "  type: unicorn\n  preload: true\nrestart: phased\n", 6, 12 },
        { "UG0408", "  type: puma\n  version: \"5.6.5\"\n  workers: 2\n  preload: true\n  pruneBundler: true\n", 9, 17 },
        { "UG0405", "  type: kestrel\n  command: [ /srv/app/App ]\nrestart: hot\nsupervisor: runit\n", 7, 10 },
        { "UG0601", "  type: unicorn\nsupervisor: runit\n", 4, 3 },
        { "UG0603", "  type: puma\n  workers: 2\n  preload: false\nrestart: phased\nsupervisor: runit\n", 8, 10 },
        { "UG0604", "  type: puma\nsupervisor: runit\nenvironment:\n  A: \"x \"\n", 8, 6 },
        { "UG0720", "  type: puma\ndescription: \" App \"\n", 6, 14 },
        { "UG0720", "  type: puma\ngroup: \"\"\n", 6, 8 },
        { "UG0721", "  type: puma\nsystemd:\n  after: [ \"my db.service\" ]\n", 7, 12 },
        { "UG0722", "  type: puma\ngroup: \"www data\"\n", 6, 8 },
        { "UG0722", "  type: puma\ngroup: \"0660\"\n", 6, 8 },
        { "UG0723", "  type: puma\nlisten: [ \"unix:///run/app/\" ]\n", 6, 11 },
        { "UG0723", "  type: puma\n  pidfile: /srv/app/../tmp/puma.pid\n", 6, 12 },
        { "UG0723", "  type: puma\nlisten: [ \"unix:///run/app/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.sock\" ]\n", 6, 11 },
        { "UG0724", "  type: puma\nsystemd:\n  stdout: /var/log/app.log\n", 7, 11 },
        { "UG0730", "  type: puma\nsystemd:\n  extra:\n    Service:\n      LimitNOFILES: \"65536\"\n", 9, 7 },
        { "UG0731", "  type: puma\nsystemd:\n  extra:\n    Service:\n      User: root\n", 9, 7 },
        { "UG0801", "  type: puma\nprocesses:\n  worker:\n    type: sidekiq\n    command: [ sidekiq, -t, \"60\" ]\n    stopTimeout: 25\n", 9, 25 },
        { "UG0801", "  type: puma\nprocesses:\n  worker:\n    type: sidekiq\n    command: [ /usr/bin/sidekiq ]\n    stopTimeout: 8\n", 10, 18 },
        { "UG0802", "  type: puma\nprocesses:\n  worker:\n    type: sidekiq\n    version: \"5.2.9\"\n    notify: true\n", 10, 13 },
        { "UG0802", "  type: puma\nprocesses:\n  worker:\n    type: sidekiq\n    notify: true\n", 9, 13 },
        { "UG0802", "  type: puma\nprocesses:\n  worker:\n    type: sidekiq\n    version: \"6.4.1\"\n    command: [ /usr/bin/ruby, -e, \"require 'sidekiq/cli'; Sidekiq::CLI.instance.run\" ]\n    notify: true\n", 10, 14 },
        { "UG0803", "  type: puma\nprocesses:\n  worker:\n    type: sidekiq\n    command: [ /usr/bin/sidekiq, -L, /var/log/sidekiq.log ]\n", 9, 34 },
        { "UG0803", "  type: puma\nprocesses:\n  worker:\n    type: sidekiq\n    version: \"5.2.9\"\n    command: [ /usr/bin/sidekiq, --daemon ]\n", 10, 34 },
        { "UG0804", "  type: puma\nlisten: [ \"tcp://127.0.0.1:9292\" ]\nprocesses:\n  web2:\n    type: command\n    command: [ /usr/bin/rackup, -p, \"9292\" ]\n", 10, 33 },
        { "UG0805", "  type: puma\nprocesses:\n  worker:\n    type: sidekiq\n    version: \"6.4.1\"\n    watchdogSec: 10\n", 10, 18 },
        // Issue 15: explicit commands, the bundled default, and hardening that breaks common Ruby setups.
        { "UG0211", "  type: puma\n  command: [ /usr/bin/puma, -C, /srv/app/other.rb ]\n", 6, 29 },
        { "UG0211", "  type: unicorn\n  command: [ bundle, exec, unicorn, --config-file=/srv/app/unicorn.rb ]\n", 6, 37 },
        { "UG0211", "  type: puma\n  command: [ /srv/app/bin/start-web ]\n", 6, 12 },
        { "UG0211", "  type: puma\n  command: [ sh, -c, \"exec bundle exec puma\" ]\n", 6, 22 },
        { "UG0212", "  type: puma\n  command: [ puma, -p, \"9292\" ]\nlisten: [ \"tcp://127.0.0.1:9292\" ]\n", 6, 20 },
        { "UG0212", "  type: unicorn\n  command: [ /usr/local/bin/bundle, exec, unicorn, -l, \"0.0.0.0:8080\" ]\nlisten: [ \"tcp://127.0.0.1:8080\" ]\n", 6, 52 },
        { "UG0213", "  type: puma\n", 4, 9 },
        { "UG0213", "  type: puma\n  command: [ /usr/bin/puma ]\nprocesses:\n  worker:\n    type: sidekiq\n", 8, 11 },
        { "UG0214", "  type: unicorn\n  threads: { min: 1, max: 5 }\n", 6, 12 },
        { "UG0214", "  type: kestrel\n  command: [ /srv/app/App ]\n  workers: 4\n", 7, 12 },
        { "UG0215", "  type: unicorn\n  command: [ /usr/bin/unicorn, -D ]\n", 6, 32 },
        { "UG0215", "  type: puma\n  version: \"4.3.9\"\n  command: [ /usr/bin/puma, --daemon ]\n", 7, 29 },
        { "UG0901", "  type: puma\n  yjit: false\nenvironment: { RUBY_YJIT_ENABLE: \"1\" }\n", 7, 34 },
        { "UG0901", "  type: puma\n  ruby: \"3.0\"\n  command: [ /usr/bin/env, RUBY_YJIT_ENABLE=1, /usr/bin/puma ]\n", 7, 28 },
        { "UG0202", "  type: puma\n  command: [ /usr/bin/rbenv, exec, bundle, exec, puma ]\nlisten: [ \"tcp://127.0.0.1:9292\" ]\n", 6, 12 },
        { "UG0902", "  type: puma\nenvironment: { DATABASE_URL: \"postgres://app@db.internal:5432/app\" }\nsystemd: { hardening: strict }\n", 6, 30 },
        { "UG0903", "  type: puma\nlisten: [ \"unix:///tmp/app.sock\" ]\nsystemd: { socketActivation: false }\n", 6, 11 },
        { "UG0740", "  type: puma\nlisten: [ \"tcp://127.0.0.1:80\" ]\nsystemd: { scope: user }\n", 6, 11 },
        { "UG0741", "  type: puma\nsupervisor: [ systemd, runit ]\nsystemd: { scope: user }\n", 6, 13 },
        { "UG0742", "  type: puma\nsystemd: { scope: user }\ngroup: www-data\n", 7, 8 },
        // Issue 20: deploy keys (bin/NAME-restart, capistrano/NAME.rake).
        { "UG1001", "  type: puma\nlisten: [ \"tcp://127.0.0.1:3000\" ]\ndeploy:\n  health: { path: up }\n", 8, 19 },
        { "UG1001", "  type: puma\nlisten: [ \"tcp://127.0.0.1:3000\" ]\ndeploy:\n  health: { path: \"/up#fragment\" }\n", 8, 19 },
        { "UG1002", "  type: puma\nlisten: [ \"tcp://127.0.0.1:3000\" ]\ndeploy:\n  capistrano: { hook: \"deploy published\" }\n", 8, 23 },
        { "UG1002", "  type: puma\nlisten: [ \"tcp://127.0.0.1:3000\" ]\ndeploy:\n  capistrano: { hook: \"unitgen:restart\" }\n", 8, 23 },
        { "UG1003", "  type: puma\nlisten: [ \"tcp://127.0.0.1:3000\" ]\ndeploy:\n  capistrano: { roles: [ Web ] }\n", 8, 26 },
        { "UG1003", "  type: puma\nlisten: [ \"tcp://127.0.0.1:3000\" ]\nprocesses:\n  worker: { type: sidekiq, roles: [ \"app server\" ] }\ndeploy:\n  capistrano: { roles: [ web ] }\n", 8, 37 },
        { "UG1004", "  type: puma\ndeploy:\n  health: { path: /up }\n", 6, 1 },
        { "UG1005", "  type: puma\nlisten: [ \"tcp://127.0.0.1:3000\" ]\nsystemd: { scope: user }\ndeploy:\n  capistrano: { sudo: true }\n", 9, 23 },
    };

    public static TheoryData<string, string> Clean => new()
    {
        { "UG0101", "  type: puma\n  binds: [ \"tcp://127.0.0.1:9292\" ]\nlisten: [ \"tcp://127.0.0.1:9292\" ]\n" },
        { "UG0102", "  type: puma\nlisten:\n  - tcp://127.0.0.1:9292\n  - tcp://127.0.0.1:9393\n" },
        { "UG0103", "  type: puma\n  binds: [ \"tcp://[::]:9292\" ]\nlisten: [ \"9292\" ]\n" },
        { "UG0104", "  type: puma\nlisten: [ \"tcp://[::1]:9292\" ]\n" },
        { "UG0105", "  type: unicorn\n  binds: [ \"tcp://127.0.0.1:8080\" ]\nlisten: [ \"tcp://127.0.0.1:8080\" ]\n" },
        { "UG0106", "  type: puma\nlisten:\n  - tcp://127.0.0.1:9292\n  - tcp://127.0.0.1:9293\n" },
        { "UG0107", "  type: puma\nlisten: [ \"unix:///run/app/app.sock\" ]\n" },
        { "UG0108", "  type: puma\nlisten: [ \"unix:///run/app/app.sock\" ]\n" },
        { "UG0108", "  type: puma\nlisten:\n  - uri: unix:///run/app/app.sock\n    mode: \"0660\"\n    group: www-data\n" },
        { "UG0109", "  type: kestrel\n  command: [ /srv/app/App ]\n  useSystemd: true\nlisten: [ \"tcp://127.0.0.1:5000\" ]\n" },
        { "UG0110", "  type: kestrel\n  command: [ /srv/app/App ]\n  useSystemd: true\nenvironment:\n  ASPNETCORE_ENVIRONMENT: Production\nlisten: [ \"tcp://127.0.0.1:5000\" ]\n" },
        { "UG0111", "  type: kestrel\n  version: \"5.0\"\n  command: [ /srv/app/App ]\n  useSystemd: true\nlisten:\n  - tcp://127.0.0.1:5000\n  - tcp://127.0.0.1:5001\n" },
        { "UG0112", "  type: puma\n  version: \"5.4.0\"\nlisten: [ \"unix:///var/run/app/puma.sock\" ]\n" },
        { "UG0201", "  type: puma\n  command: [ bash, -lc, \"cd /srv/app && exec puma\" ]\nlisten: [ \"tcp://127.0.0.1:9292\" ]\n" },
        { "UG0202", "  type: puma\n  command: bundle exec puma -C /srv/app/puma.rb\n  bundler: \"2.3.27\"\nlisten: [ \"tcp://127.0.0.1:9292\" ]\n" },
        { "UG0203", "  type: puma\n  command: /srv/app/bin/puma -C /srv/app/puma.rb\n" },
        { "UG0301", "  type: puma\n  version: \"6.4.2\"\nsystemd:\n  notify: true\n  watchdogSec: 10\n" },
        { "UG0302", "  type: puma\n  version: \"5.6.5\"\n  sdNotifyGem: true\nsystemd:\n  notify: true\n" },
        { "UG0303", "  type: puma\n  version: \"6.4.2\"\n  workers: 2\n  preload: false\nrestart: phased\nsystemd:\n  notify: true\n  watchdogSec: 10\n" },
        { "UG0401", "  type: puma\n  workers: 2\n  preload: false\nrestart: phased\n" },
        { "UG0402", "  type: puma\n  version: \"5.6.5\"\n  workers: 2\nrestart: phased\n" },
        { "UG0408", "  type: puma\n  version: \"5.6.5\"\n  workers: 2\n  preload: false\n  pruneBundler: true\n" },
        { "UG0404", "  type: unicorn\nlisten: [ \"tcp://127.0.0.1:8080\" ]\nrestart: hot\n" },
        { "UG0405", "  type: kestrel\n  command: [ /srv/app/App ]\n  useSystemd: true\nlisten: [ \"tcp://127.0.0.1:5000\" ]\nrestart: hot\n" },
        { "UG0501", "  type: puma\nenvironment:\n  _GOOD1: x\n" },
        { "UG0502", "  type: puma\nenvironment:\n  GOOD: \"a b\"\n" },
        { "UG0504", "  type: puma\n  workers: 2\nenvironment: { WEB_CONCURRENCY: \"2\" }\n" },
        { "UG0510", "  type: puma\nenvironment:\n  BIG: " + new string('x', 131066) + "\n" },
        { "UG0701", "  type: puma\ndescription: \"a 100% safe $value\"\n" },
        { "UG0705", "  type: puma\nallowRoot: true\n" },
        { "UG0601", "  type: unicorn\n  pidfile: /srv/app/unicorn.pid\nsupervisor: runit\n" },
        { "UG0603", "  type: puma\nsupervisor: runit\n" },
        { "UG0604", "  type: puma\nsupervisor: [ systemd ]\nenvironment:\n  A: \"x \"\n" },
        { "UG0720", "  type: puma\ndescription: \"App  server 100%\"\n" },
        { "UG0721", "  type: puma\nsystemd:\n  after: [ postgresql.service, \"dev-disk-by\\\\x2duuid.device\", \"getty@tty1.service\" ]\n" },
        { "UG0722", "  type: puma\ngroup: www-data\nlisten:\n  - uri: unix:///run/app/app.sock\n    group: \"33\"\n" },
        { "UG0723", "  type: puma\n  pidfile: /srv/app/./tmp//puma.pid\n" },
        { "UG0724", "  type: puma\nsystemd:\n  stdout: append:/var/log/app.log\n  stderr: journal\n" },
        { "UG0730", "  type: puma\nsystemd:\n  extra:\n    Service:\n      LimitNOFILE: \"65536\"\n" },
        { "UG0731", "  type: puma\nsystemd:\n  extra:\n    Service:\n      ExecStartPre: /usr/bin/true\n" },
        { "UG0801", "  type: puma\nprocesses:\n  worker:\n    type: sidekiq\n    command: [ sidekiq, -t, \"25\" ]\n    stopTimeout: 25\n" },
        { "UG0802", "  type: puma\nprocesses:\n  worker:\n    type: sidekiq\n    version: \"6.4.1\"\n    notify: true\n" },
        { "UG0803", "  type: puma\nprocesses:\n  worker:\n    type: sidekiq\n    command: [ /usr/bin/sidekiq, -q, default ]\n" },
        { "UG0804", "  type: puma\nlisten: [ \"tcp://127.0.0.1:9292\" ]\nprocesses:\n  web2:\n    type: command\n    command: [ /usr/bin/rackup, -p, \"9393\" ]\n" },
        { "UG0805", "  type: puma\nprocesses:\n  worker:\n    type: sidekiq\n    version: \"6.4.1\"\n    notify: true\n    watchdogSec: 10\n" },
        { "UG0211", "  type: puma\n  command: [ /usr/bin/puma, -C, /srv/app/config/puma.rb ]\n" },
        { "UG0211", "  type: unicorn\n  command: [ bundle, exec, unicorn ]\n" },
        { "UG0211", "  type: puma\n  command: [ /srv/app/bin/start-web, -C, /srv/app/config/puma.rb ]\n" },
        { "UG0211", "  type: puma\n  command: [ sh, -c, \"exec bundle exec puma -C /srv/app/config/puma.rb\" ]\n" },
        { "UG0212", "  type: puma\n  command: [ puma, -b, \"tcp://127.0.0.1:9292\" ]\nlisten: [ \"tcp://127.0.0.1:9292\" ]\n" },
        { "UG0212", "  type: unicorn\n  command: [ /usr/local/bin/bundle, exec, unicorn, -l, \"127.0.0.1:8080\" ]\nlisten: [ \"tcp://127.0.0.1:8080\" ]\n" },
        { "UG0213", "  type: puma\nenvironment: { BUNDLE_GEMFILE: /srv/app/Gemfile }\n" },
        { "UG0213", "  type: puma\n  command: [ /usr/bin/puma ]\nprocesses:\n  worker:\n    type: sidekiq\n    command: [ /usr/bin/sidekiq ]\n" },
        { "UG0214", "  type: puma\n  threads: { min: 1, max: 5 }\n" },
        { "UG0214", "  type: unicorn\n  timeout: 30\n" },
        { "UG0215", "  type: unicorn\n  command: [ /usr/bin/unicorn, -d ]\n" },
        { "UG0203", "  type: puma\n  command: bin/puma\nsupervisor: runit\n" },
        { "UG0901", "  type: puma\nenvironment: { RUBY_YJIT_ENABLE: \"1\" }\n" },
        { "UG0902", "  type: puma\nenvironment: { DATABASE_URL: \"postgres://app@127.0.0.1:5432/app\", REDIS_URL: \"unix:///run/redis/redis.sock\" }\nsystemd: { hardening: strict }\n" },
        { "UG0903", "  type: puma\nlisten: [ \"unix:///tmp/app.sock\" ]\n" },
        { "UG0740", "  type: puma\nlisten: [ \"tcp://127.0.0.1:1080\" ]\nsystemd: { scope: user }\n" },
        { "UG0741", "  type: puma\nsupervisor: [ systemd ]\nsystemd: { scope: user }\n" },
        { "UG0742", "  type: puma\nsystemd: { scope: system }\ngroup: www-data\n" },
        { "UG1001", "  type: puma\nlisten: [ \"tcp://127.0.0.1:3000\" ]\ndeploy:\n  health: { path: \"/up?full=1\" }\n" },
        { "UG1002", "  type: puma\nlisten: [ \"tcp://127.0.0.1:3000\" ]\ndeploy:\n  capistrano: { hook: \"deploy:published\" }\n" },
        { "UG1003", "  type: puma\nlisten: [ \"tcp://127.0.0.1:3000\" ]\nprocesses:\n  worker: { type: sidekiq, roles: [ app_server ] }\ndeploy:\n  capistrano: { roles: [ web ] }\n" },
        { "UG1004", "  type: puma\nlisten: [ \"unix:///run/app/puma.sock\" ]\ndeploy:\n  health: { path: /up }\n" },
        { "UG1005", "  type: puma\nlisten: [ \"tcp://127.0.0.1:3000\" ]\nsystemd: { scope: user }\ndeploy:\n  capistrano: { sudo: false }\n" },
    };

    /// <summary>UG0705 needs root; UG0601 and UG0213 need a model without `directory` (one line less).</summary>
    private static string Model(string code, string rest) => code switch
    {
        "UG0705" => Head.Replace("user: deploy", "user: root", StringComparison.Ordinal) + rest,
        "UG0601" or "UG0213" => Head.Replace("directory: /srv/app\n", "", StringComparison.Ordinal) + rest,
        _ => Head + rest,
    };

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Rule_fires_at_the_offending_node(string code, string rest, int line, int column)
    {
        var yaml = Model(code, rest);
        var loaded = ModelLoader.Load(yaml, "unitgen.yaml");
        Assert.Empty(loaded.Diagnostics);

        var found = Validator.Validate(loaded.Model!, loaded.Map).Where(d => d.Code == code).ToList();

        Assert.True(found.Count > 0, $"{code} did not fire");
        Assert.Contains(found, d => d.Location.Line == line && d.Location.Column == column);
    }

    [Theory]
    [MemberData(nameof(Clean))]
    public void Rule_stays_quiet_on_its_near_twin(string code, string rest)
    {
        var yaml = Model(code, rest);
        var loaded = ModelLoader.Load(yaml, "unitgen.yaml");
        Assert.Empty(loaded.Diagnostics);

        Assert.DoesNotContain(Validator.Validate(loaded.Model!, loaded.Map), d => d.Code == code);
    }

    [Fact]
    public void Every_rule_has_a_trigger_and_a_clean_case_and_is_documented()
    {
        var triggered = Triggers.Select(row => (string)row[0]).ToHashSet();
        var clean = Clean.Select(row => (string)row[0]).ToHashSet();
        Assert.All(RuleCatalog.All, rule =>
        {
            Assert.Contains(rule.Code, triggered);
            Assert.Contains(rule.Code, clean);
            Assert.False(string.IsNullOrWhiteSpace(rule.Title));
            Assert.False(string.IsNullOrWhiteSpace(rule.Fix));
            Assert.False(string.IsNullOrWhiteSpace(rule.Explanation));
        });
        Assert.Equal(RuleCatalog.All.Length, RuleCatalog.All.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void UG0401_is_a_warning_with_one_worker()
    {
        var loaded = ModelLoader.Load(Head + "  type: puma\n  workers: 1\n  preload: false\nrestart: phased\n", "unitgen.yaml");

        var d = Assert.Single(Validator.Validate(loaded.Model!, loaded.Map), d => d.Code == "UG0401");

        Assert.Equal(UnitGen.Model.Diagnostics.Severity.Warning, d.Severity);
    }
}
