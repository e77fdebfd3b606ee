using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Processes;

internal sealed class UG0801StopTimeoutShorterThanSidekiqWaits : Rule
{
    public override string Code => "UG0801";

    public override Severity Severity => Severity.Error;

    public override string Title => "Sidekiq waits longer for running jobs than the stop timeout the unit gives it: systemd sends SIGKILL first and the jobs in flight are lost.";

    public override string Fix => "Make `stopTimeout` at least sidekiq's `-t`, or drop `command` and let UnitGen pass `-t stopTimeout` itself.";

    public override string Explanation =>
        "On TERM sidekiq stops fetching, waits up to its timeout (`-t`, default 25 s, lib/sidekiq.rb DEFAULTS) for " +
        "running jobs, then pushes the unfinished ones back to Redis (sidekiq 6.4.1 lib/sidekiq/manager.rb `stop`, " +
        "`hard_shutdown`). UnitGen derives the unit's TimeoutStopSec from `stopTimeout` plus " +
        $"{ProcessFacts.StopMarginSeconds} s for that push-back. When the command passes a longer `-t`, systemd's " +
        "SIGKILL (systemd.kill(5): after TimeoutStopSec=) lands while sidekiq still waits, before any push-back: with " +
        "sidekiq's basic fetch the jobs it had taken off the queue (BRPOP) exist nowhere any more. Without `-t` in a " +
        "written command sidekiq takes `:timeout:` from its config file — `-C`, or config/sidekiq.yml under the working " +
        "directory even without `-C` (lib/sidekiq/cli.rb setup_options) — which UnitGen cannot read: a warning.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var process in model.Processes.Where(p => p.IsSidekiq && !p.Command.IsEmpty))
        {
            var path = $"processes.{process.Name}";
            if (ProcessFacts.TimeoutFlag(process.Command) is { } flag)
            {
                if (process.StopTimeout is { } stop && flag.Seconds > stop)
                {
                    yield return new Finding($"{path}.command[{flag.Index}]",
                        $"`{process.Name}` runs sidekiq with a {flag.Seconds} s timeout but the unit stops it after {stop} + {ProcessFacts.StopMarginSeconds} s: jobs still running then are killed, not pushed back.");
                }
            }
            else if (process.StopTimeout is { } stop)
            {
                yield return new Finding($"{path}.stopTimeout",
                    $"`{process.Name}`'s command passes no `-t`: sidekiq waits the config file's timeout (default {ProcessFacts.SidekiqDefaultTimeoutSeconds} s), not {stop} s; if that is longer, systemd kills running jobs.",
                    Severity.Warning);
            }
        }
    }
}
