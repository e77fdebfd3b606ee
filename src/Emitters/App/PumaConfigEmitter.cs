using UnitGen.Formats.Ruby;
using UnitGen.Model;
using UnitGen.Model.Facts;

namespace UnitGen.Emitters.App;

/// <summary>
/// Model → <c>app/puma.rb</c>. The binds are exactly the sockets of the model, spelled the way puma
/// matches inherited sockets (canonical host, IPv6 in brackets: puma lib/puma/binder.rb), so under
/// socket activation every ListenStream= is taken over and puma binds nothing itself.
/// </summary>
internal static class PumaConfigEmitter
{
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
            rb.Call("directory", RubyWriter.String(dir));
        }

        if (server.Rackup is { } rackup)
        {
            rb.Call("rackup", RubyWriter.String(rackup));
        }

        if (server.Environment is { } environment)
        {
            rb.Call("environment", RubyWriter.String(environment));
        }

        rb.Call("workers", RubyWriter.Integer(PumaFacts.Workers(model)));
        if (server.Threads is { } threads)
        {
            rb.Call("threads", RubyWriter.Integer(threads.Min), RubyWriter.Integer(threads.Max));
        }

        // Explicit whenever the model or the version decides it: puma's default depends on its version and
        // on WEB_CONCURRENCY, and a preloaded app turns every phased restart into a hot one (UG0402). With
        // neither `server.preload` nor `server.version`, writing either value would invent a setting
        // (DESIGN.md: absent = the server version's own default), so the file leaves it to puma and says so;
        // the rules meanwhile assume the version that preloads (UG0402 refuses a phased restart).
        if (server.Preload is not null || server.Version is not null)
        {
            rb.Call("preload_app!", RubyWriter.Boolean(PumaFacts.EffectivePreload(model)));
        }
        else
        {
            rb.Comment("preload_app!: puma's own default (server.preload and server.version not set)");
        }
        if (server.ForkWorker)
        {
            rb.Call("fork_worker");
        }

        if (model.SocketActivation || model.Restart != RestartStrategy.Normal)
        {
            // On shutdown (hot, phased or socket-held restart) puma 5.6.5 closes every reactor client
            // that has sent nothing yet without a response (lib/puma/server.rb reactor_wakeup:
            // `shutdown && !client.can_close?`): a fresh connection accepted just before the restart
            // is dropped. Without the reactor, the accepting thread reads and answers the request and
            // the pool drains before exit. Measured: 4-15 failed of ~30,000 fresh requests per 5
            // restarts with the reactor, 0 without. Put a buffering proxy (nginx) in front for slow clients.
            rb.Call("queue_requests", RubyWriter.Boolean(false));
        }

        if (server.Pidfile is { } pid)
        {
            rb.Call("pidfile", RubyWriter.String(pid));
        }

        foreach (var bind in ServerFacts.AppBinds(model))
        {
            rb.Call("bind", RubyWriter.String(bind));
        }

        if (server.PruneBundler)
        {
            // Phased restarts start workers in a fresh Bundler context (puma 5.6.5 lib/puma/launcher.rb
            // prune_bundler), so a deploy with a new Gemfile.lock needs no hot restart (UG0408).
            rb.Call("prune_bundler");
        }

        if (server.Profile.LoadsLocalConfig(server))
        {
            rb.Blank();
            rb.Code(LocalConfigHook.Ruby(LocalConfigHook.Puma));
        }

        return new EmittedFile(OutputPaths.ServerConfig(model)!, rb.ToString(), EmittedFile.Readable);
    }
}
