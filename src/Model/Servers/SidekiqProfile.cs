using System.Collections.Immutable;
using System.Globalization;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Servers;

/// <summary>
/// Sidekiq 6.4.1 as Debian ships it (ruby-sidekiq 6.4.1+dfsg-1; <c>bin/sidekiq</c>, <c>lib/sidekiq/cli.rb</c>):
/// TERM = stop fetching, wait up to <c>-t</c> for running jobs, push the rest back to Redis; TSTP = quiet.
/// </summary>
internal sealed record SidekiqProfile : ProcessProfile
{
    public override ProcessType Type => ProcessType.Sidekiq;

    public override bool HasKnownVersions => true;

    /// <summary><c>sidekiq [-C config] -t stopTimeout</c>, run from the app's bundle like the web server.</summary>
    public override ImmutableArray<string> DefaultProgram(ProcessSpec process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var words = ImmutableArray.CreateBuilder<string>();
        words.Add("sidekiq");
        if (process.Config is { } config)
        {
            words.AddRange("-C", config);
        }

        // Always said, so the timeout that runs is the one TimeoutStopSec is derived from: without
        // -t, sidekiq takes `:timeout:` from the config file, which may be config/sidekiq.yml under
        // the working directory even without -C (cli.rb setup_options).
        words.AddRange("-t", (process.StopTimeout ?? ProcessFacts.SidekiqDefaultTimeoutSeconds).ToString(CultureInfo.InvariantCulture));
        return words.ToImmutable();
    }

    /// <summary>Unknown version: assume one before 6.0.6 (UG0802 says so). In 6.x the integration is in <c>bin/sidekiq</c>.</summary>
    public override bool CanNotify(ProcessSpec process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Version is { } v && v >= ProcessFacts.SidekiqNotifySince && ProcessFacts.RunsSidekiqExecutable(process.Command);
    }

    /// <summary>Sidekiq's own timeout plus <see cref="ProcessFacts.StopMarginSeconds"/> for the push-back to Redis.</summary>
    public override int? StopSeconds(ProcessSpec process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var timeout = process.StopTimeout ?? ProcessFacts.TimeoutFlag(process.EffectiveCommand())?.Seconds ?? ProcessFacts.SidekiqDefaultTimeoutSeconds;
        return timeout + ProcessFacts.StopMarginSeconds;
    }

    /// <summary>cli.rb traps TSTP as quiet (no new jobs); HUP is not trapped and would end the process.</summary>
    public override string? QuietSignal => "TSTP";
}
