using System.Text.RegularExpressions;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Deploy;

internal sealed partial class UG1002HookNotADeployTask : Rule
{
    public override string Code => "UG1002";

    public override Severity Severity => Severity.Error;

    public override string Title => "`deploy.capistrano.hook` is not a Capistrano task name: `cap` stops at load with \"Don't know how to build task\".";

    public override string Fix => "Name the deploy task after which the app restarts, e.g. `deploy:published` (the default).";

    public override string Explanation =>
        "The generated rake file says `after HOOK, \"unitgen:rolling_restart\"`; Capistrano 3.17.2 " +
        "(lib/capistrano/dsl/task_enhancements.rb `after`) looks the task up with `Rake::Task[task]` when the file " +
        "is imported, and rake raises for a name it does not know. Task names are namespace words joined by `:` " +
        "(rake lib/rake/task_manager.rb). A hook inside `unitgen:` would make the restart run itself.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Deploy?.Capistrano?.Hook is not { } hook)
        {
            yield break;
        }

        if (!TaskName().IsMatch(hook))
        {
            yield return new Finding("deploy.capistrano.hook", $"`{hook}` is not a task name: words of letters, digits, `_` and `-`, joined by `:`.");
        }
        else if (hook.StartsWith("unitgen:", StringComparison.Ordinal))
        {
            yield return new Finding("deploy.capistrano.hook", $"`{hook}` is one of the generated tasks: `unitgen:rolling_restart` would run after itself.");
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_-]*(:[A-Za-z_][A-Za-z0-9_-]*){0,7}\z")]
    private static partial Regex TaskName();
}
