using System.Globalization;

namespace UnitGen.Model.Facts;

/// <summary>Version-dependent puma behaviour, each checked in puma's source.</summary>
internal static class PumaFacts
{
    /// <summary>Puma 5.1 added systemd notify through the sd_notify gem (puma <c>lib/puma/launcher.rb</c> <c>integrate_with_systemd</c>).</summary>
    public static readonly Version NotifyWithGem = new(5, 1, 0);

    /// <summary>Puma 6.1 notifies systemd natively, without the sd_notify gem.</summary>
    public static readonly Version NotifyNative = new(6, 1, 0);

    /// <summary>Puma 7 preloads by default with more than one worker, unless prune_bundler is set.</summary>
    public static readonly Version PreloadByDefaultInCluster = new(7, 0, 0);

    /// <summary>Puma's <c>worker_shutdown_timeout</c> default (puma <c>lib/puma/configuration.rb</c>).</summary>
    public const int WorkerShutdownTimeoutSeconds = 30;

    /// <summary>
    /// Whether puma preloads the app. An explicit <c>preload</c> wins. Otherwise:
    /// puma 5.x and 6.x set the default in <c>Configuration#initialize</c> from the worker count known
    /// before the config file is read — <c>WEB_CONCURRENCY</c> or <c>-w</c> on the command line
    /// (puma 5.6.5 <c>lib/puma/configuration.rb:151</c>:
    /// <c>default_options[:preload_app] = (@options[:workers] &gt; 1) &amp;&amp; Puma.forkable?</c>, skipped when
    /// <c>--prune-bundler</c> is on the command line; puma.rb is not read yet, so its prune_bundler does not count);
    /// puma 7 sets it once the config file is read (7.0.0 <c>Configuration#set_conditional_default_options</c>:
    /// <c>!prune_bundler &amp;&amp; workers &gt; 1 &amp;&amp; forkable</c>, called from <c>clamp</c>). An unknown version
    /// preloads when either would.
    /// </summary>
    public static bool EffectivePreload(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var server = model.Server;
        if (server.Preload is { } explicitPreload)
        {
            return explicitPreload;
        }

        var early = EarlyWorkerCount(model) > 1;
        var afterConfig = !server.PruneBundler && Workers(model) > 1;
        return server.Version switch
        {
            null => early || afterConfig,
            { Major: >= 7 } => afterConfig,
            { Major: >= 5 } => early,
            _ => false,
        };
    }

    /// <summary>The worker count as puma will run it: the model's, else WEB_CONCURRENCY, else 0.</summary>
    public static int Workers(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Server.Workers ?? EarlyWorkerCount(model);
    }

    /// <summary>Whether puma can send READY=1 to systemd with this model.</summary>
    public static bool CanNotify(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.Version switch
        {
            { } v when v >= NotifyNative => true,
            { } v when v >= NotifyWithGem => server.SdNotifyGem,
            { } => false,
            // Unknown version: 5.1-6.0 is the conservative case.
            null => server.SdNotifyGem,
        };
    }

    /// <summary>Workers known before puma reads its config file: <c>-w N</c>/<c>--workers N</c>, else WEB_CONCURRENCY.</summary>
    private static int EarlyWorkerCount(ServiceModel model) =>
        WorkersFlag(model)?.Count
        ?? (int.TryParse(model.EnvironmentValue("WEB_CONCURRENCY"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0);

    /// <summary>
    /// The worker count given on puma's command line, as written: <c>-w N</c>, <c>-wN</c>, <c>--workers N</c> or
    /// <c>--workers=N</c> (puma lib/puma/cli.rb uses OptionParser <c>o.on "-w", "--workers COUNT"</c>); null when absent.
    /// </summary>
    public static (string Text, int Count)? WorkersFlag(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var argv = model.Server.Command;
        for (var i = 0; i < argv.Length; i++)
        {
            var (text, value) = argv[i] switch
            {
                "-w" or "--workers" when i + 1 < argv.Length => ($"{argv[i]} {argv[i + 1]}", argv[i + 1]),
                var a when a.StartsWith("--workers=", StringComparison.Ordinal) => (a, a["--workers=".Length..]),
                var a when a.StartsWith("-w", StringComparison.Ordinal) && a.Length > 2 => (a, a[2..]),
                _ => (string.Empty, string.Empty),
            };
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var w))
            {
                return (text, w);
            }
        }

        return null;
    }
}
