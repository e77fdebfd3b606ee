using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Processes;

internal sealed class UG0802ProcessCannotNotify : Rule
{
    public override string Code => "UG0802";

    public override Severity Severity => Severity.Error;

    public override string Title => "`notify` on a process that never sends READY=1: Type=notify would hang in \"activating\" until TimeoutStartSec kills it.";

    public override string Fix => "Use sidekiq ≥ 6.0.6 through its own `sidekiq` executable and say so in `version`, or drop `notify`.";

    public override string Explanation =>
        "Sidekiq notifies systemd from 6.0.6 (sidekiq Changes.md 6.0.6, #4488). In 6.x the integration is in the " +
        "executable: bin/sidekiq `integrate_with_systemd` sends READY=1 on :startup and STOPPING=1 on :shutdown, and " +
        "starts the watchdog thread (lib/sidekiq/systemd.rb) when WATCHDOG_USEC is set — checked in Debian's 6.4.1. " +
        "A command that loads Sidekiq::CLI some other way never notifies. For an unknown version UnitGen writes " +
        "Type=simple and warns; for a `command` process the user knows best and UnitGen trusts `notify`.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var process in model.Processes.Where(p => p.IsSidekiq && p.Notify))
        {
            var path = $"processes.{process.Name}";
            if (process.Version is null)
            {
                yield return new Finding($"{path}.notify",
                    $"`{process.Name}`: sidekiq version unknown, so UnitGen writes Type=simple; set `version` (≥ {ProcessFacts.SidekiqNotifySince} notifies).",
                    Severity.Warning);
            }
            else if (process.Version < ProcessFacts.SidekiqNotifySince)
            {
                yield return new Finding($"{path}.notify",
                    $"sidekiq {process.Version} never sends READY=1 (added in {ProcessFacts.SidekiqNotifySince}): a Type=notify unit would never become active.");
            }
            else if (!ProcessFacts.RunsSidekiqExecutable(process.Command))
            {
                yield return new Finding($"{path}.command",
                    $"`{process.Name}` does not run the `sidekiq` executable, where sidekiq {process.Version} sends READY=1: a Type=notify unit would never become active.");
            }
        }
    }
}
