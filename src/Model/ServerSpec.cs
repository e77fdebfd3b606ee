using System.Collections.Immutable;

namespace UnitGen.Model;

/// <summary>The app server and how it is started.</summary>
public sealed record ServerSpec
{
    public required ServerType Type { get; init; }
    /// <summary>Null means unknown: version-aware rules then assume the riskier behaviour.</summary>
    public Version? Version { get; init; }
    /// <summary>Explicit argv; empty means "derive from <see cref="Type"/>" (see <see cref="EffectiveCommand"/>).</summary>
    public EquatableArray<string> Command { get; init; } = [];
    /// <summary>Set when the server is started through <c>bundle exec</c>.</summary>
    public Version? Bundler { get; init; }
    public string? Config { get; init; }
    public string? Rackup { get; init; }
    public string? Environment { get; init; }
    public int? Workers { get; init; }
    public ThreadRange? Threads { get; init; }
    /// <summary>Null means the server version's own default (see <see cref="Preload"/> rules).</summary>
    public bool? Preload { get; init; }
    public bool ForkWorker { get; init; }
    public bool SdNotifyGem { get; init; }
    public string? Pidfile { get; init; }
    public int? Timeout { get; init; }
    public bool UseSystemd { get; init; }
    /// <summary>puma.rb / unicorn.rb read <c>puma.local.rb</c> / <c>unicorn.local.rb</c> beside them last; null: unicorn yes, puma no.</summary>
    public bool? LocalConfig { get; init; }
    /// <summary>puma <c>prune_bundler</c>: phased restarts pick up a new Gemfile (UG0408).</summary>
    public bool PruneBundler { get; init; }
    /// <summary>App-side binds as written; null when the model leaves them to <c>listen</c>.</summary>
    public EquatableArray<string>? Binds { get; init; }
    /// <summary>The app's Ruby version; null when unknown. With <see cref="Yjit"/> it decides MemoryDenyWriteExecute=.</summary>
    public Version? Ruby { get; init; }
    /// <summary>Whether YJIT may be on; null means assume it may (Rails 7.2+ on Ruby 3.3+ turns it on).</summary>
    public bool? Yjit { get; init; }

    public bool IsPuma => Type == ServerType.Puma;

    /// <summary>What UnitGen knows about this type of server.</summary>
    internal Servers.ServerProfile Profile => Servers.ServerProfiles.Of(Type);

    /// <summary>
    /// The argv that ExecStart / the runit run script execs. An explicit command gets the generated config
    /// passed to its server (<see cref="Facts.ServerCommandLine.WithConfig"/>; UG0211 refuses what cannot
    /// take it). The default is the app's bundled server — the puma or unicorn of its Gemfile.lock, run by
    /// <c>bundle exec</c> in <c>directory</c> — not whatever server is first on PATH.
    /// </summary>
    public ImmutableArray<string> EffectiveCommand(string configPath)
    {
        if (!Command.IsEmpty)
        {
            return Facts.ServerCommandLine.Parse(Profile, Command).WithConfig(Profile, configPath);
        }

        return Servers.BundledCommand.Of(Profile.DefaultCommand(this, configPath));
    }
}
