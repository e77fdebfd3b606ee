using UnitGen.Formats.Ruby;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Import;

[Trait(Category.Name, Category.Unit)]
public class RubyConfigReaderTests
{
    [Fact]
    public void Reads_the_puma_rb_that_rails_generates()
    {
        var config = RubyConfigReader.Parse("""
            # Puma can serve each request in a thread from an internal thread pool.
            max_threads_count = ENV.fetch("RAILS_MAX_THREADS") { 5 }
            min_threads_count = ENV.fetch("RAILS_MIN_THREADS") { max_threads_count }
            threads min_threads_count, max_threads_count
            worker_timeout 3600 if ENV.fetch("RAILS_ENV", "development") == "development"
            port ENV.fetch("PORT") { 3000 }
            environment ENV.fetch("RAILS_ENV") { "development" }
            pidfile ENV.fetch("PIDFILE") { "tmp/pids/server.pid" }
            workers Integer(ENV['WEB_CONCURRENCY'] || 2)
            preload_app!
            plugin :tmp_restart
            on_worker_boot do
              ActiveRecord::Base.establish_connection
            end
            bind "unix:///run/app/puma.sock"

            """);

        Assert.Equal(["threads", "worker_timeout", "port", "environment", "pidfile", "workers", "preload_app!", "plugin", "on_worker_boot", "bind"],
            config.Calls.Select(c => c.Method));
        var threads = config.Last("threads")!;
        Assert.Equal(new RubyEnvOrDefault("RAILS_MAX_THREADS", new RubyInteger(5)), threads.Arguments[1]);
        Assert.Equal(new RubyEnvOrDefault("RAILS_MIN_THREADS", new RubyEnvOrDefault("RAILS_MAX_THREADS", new RubyInteger(5))), threads.Arguments[0]);
        Assert.Equal(new RubyEnvOrDefault("WEB_CONCURRENCY", new RubyInteger(2)), config.Last("workers")!.Arguments[0]);
        Assert.Equal(new RubySymbol("tmp_restart"), config.Last("plugin")!.Arguments[0]);
        Assert.Equal(new RubyString("unix:///run/app/puma.sock"), config.Last("bind")!.Arguments[0]);
        Assert.Null(config.Last("worker_timeout"));
        Assert.Equal(15, config.Last("bind")!.Line);
        // A block call is where it opens, not where its `end` is.
        Assert.Equal(12, config.Last("on_worker_boot")!.Line);
        Assert.Equal([5], config.NotUnderstood.Select(n => n.Line));
    }

    [Fact]
    public void Reads_unicorn_rb()
    {
        var config = RubyConfigReader.Parse("""
            worker_processes 4
            listen "127.0.0.1:8080", :tcp_nopush => true
            listen '/run/app/unicorn.sock', backlog: 64
            timeout 30
            preload_app true
            pid "/srv/app/tmp/pids/unicorn.pid"
            before_fork do |server, worker|
              old_pid = "#{server.config[:pid]}.oldbin"
              if File.exist?(old_pid) && server.pid != old_pid
                Process.kill(:QUIT, File.read(old_pid).to_i)
              end
            end
            stderr_path "/srv/app/log/unicorn.err"

            """);

        Assert.Equal(["worker_processes", "listen", "listen", "timeout", "preload_app", "pid", "before_fork", "stderr_path"], config.Calls.Select(c => c.Method));
        Assert.Equal(new RubyString("127.0.0.1:8080"), config.Calls[1].Arguments[0]);
        Assert.Equal(new RubyString("/run/app/unicorn.sock"), config.Calls[2].Arguments[0]);
        Assert.Equal(new RubyBoolean(true), config.Last("preload_app")!.Arguments[0]);
    }

    [Fact]
    public void Interpolation_and_other_expressions_are_reported_not_guessed()
    {
        var config = RubyConfigReader.Parse("bind \"tcp://#{host}:9292\"\nworkers compute_workers(2)\nif true\n");

        Assert.IsType<RubyUnknown>(config.Last("bind")!.Arguments[0]);
        Assert.IsType<RubyUnknown>(config.Last("workers")!.Arguments[0]);
        Assert.Equal([1, 2, 3], config.NotUnderstood.Select(n => n.Line));
    }

    [Fact]
    public void An_escaped_hash_brace_is_literal_text_not_interpolation()
    {
        var config = RubyConfigReader.Parse("directory \"/srv/\\#{app}\"\n");

        Assert.Equal(new RubyString("/srv/#{app}"), Assert.Single(config.Calls).Arguments[0]);
    }

    [Fact]
    public void Comments_and_hashes_inside_strings()
    {
        var config = RubyConfigReader.Parse("bind 'unix:///run/a#b.sock' # the socket\n");

        Assert.Equal(new RubyString("unix:///run/a#b.sock"), Assert.Single(config.Calls).Arguments[0]);
    }
}
