using UnitGen.Formats.Ruby;
using UnitGen.Model;
using UnitGen.Model.Facts;
using UnitGen.Model.Servers;

namespace UnitGen.Emitters.App;

/// <summary>
/// Model → <c>app/unicorn.rb</c>. The listens are exactly the model's sockets, spelled as unicorn
/// names an inherited socket (<c>lib/unicorn/http_server.rb</c> <c>inherit_listeners!</c> drops a
/// configured listen whose name equals an inherited one), so under socket activation unicorn binds
/// nothing itself (UG0105).
/// </summary>
internal static class UnicornConfigEmitter
{
    /// <summary>
    /// The USR2 upgrade: the new master forks its workers and, before the last one, QUITs the master
    /// whose pid file is now <c>PID.oldbin</c> (http_server.rb <c>reexec</c> renames it). The old
    /// master's workers finish their requests; both generations accept on the same socket meanwhile.
    /// The guard keeps the old master — which runs this hook too when it replaces a worker — from
    /// retiring itself. Fixed text: no model value goes into it.
    /// </summary>
    private const string RetireOldMaster = """
        before_fork do |server, worker|
          old_pid = "#{server.config[:pid]}.oldbin"
          if server.pid != old_pid && worker.nr == server.worker_processes - 1 && File.exist?(old_pid)
            begin
              Process.kill(:QUIT, File.read(old_pid).to_i)
            rescue Errno::ENOENT, Errno::ESRCH
              # The old master is already gone.
            end
          end
        end

        """;

    /// <summary>
    /// Hook points the generated file cannot know: a hand-written <c>unicorn.local.rb</c> beside this
    /// file is read last (<see cref="LocalConfigHook"/>), in the same configurator, so it may
    /// define <c>after_fork</c> (reconnect databases, …) or <c>before_exec</c> and survives regeneration.
    /// </summary>
    private const string DefaultAfterFork = """
        after_fork do |server, worker|
          # Replaced by an after_fork in unicorn.local.rb, if that file defines one.
        end

        """;

    public static EmittedFile Emit(ServiceModel model)
    {
        var server = model.Server;
        var rb = new RubyWriter(model.Name);
        if (MadeFor.Text(server) is { } madeFor)
        {
            rb.Comment(madeFor);
        }

        if (model.Directory is { } dir)
        {
            // Re-exec (USR2) starts from here, so a `current` symlink switched by a deploy is followed.
            rb.Call("working_directory", RubyWriter.String(dir));
        }

        rb.Call("worker_processes", RubyWriter.Integer(UnicornFacts.Workers(model)));
        rb.Call("timeout", RubyWriter.Integer(server.Timeout ?? UnicornProfile.DefaultTimeoutSeconds));
        // Always explicit: with preload on, HUP reloads no application code (UG0402).
        rb.Call("preload_app", RubyWriter.Boolean(UnicornFacts.Preload(model)));
        if (UnicornFacts.Pidfile(model) is { } pid)
        {
            rb.Call("pid", RubyWriter.String(pid));
        }

        // A file target of systemd.stdout/stderr is also unicorn's own log path, so USR1 reopens it after
        // rotation under either supervisor.
        if (SystemdOutputFile.PathOf(model.Systemd.Stdout) is { } stdout)
        {
            rb.Call("stdout_path", RubyWriter.String(stdout));
        }

        if (SystemdOutputFile.PathOf(model.Systemd.Stderr) is { } stderr)
        {
            rb.Call("stderr_path", RubyWriter.String(stderr));
        }

        foreach (var listener in model.Listen)
        {
            rb.Call("listen", RubyWriter.String(listener.Address.UnicornListen));
        }

        rb.Blank();
        rb.Code(RetireOldMaster);
        if (server.Profile.LoadsLocalConfig(server))
        {
            rb.Blank();
            rb.Code(DefaultAfterFork);
            rb.Blank();
            rb.Code(LocalConfigHook.Ruby(LocalConfigHook.Unicorn));
        }
        return new EmittedFile(OutputPaths.ServerConfig(model)!, rb.ToString(), EmittedFile.Readable);
    }
}
