using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Deploy;

internal sealed class UG1005SudoForUserUnits : Rule
{
    public override string Code => "UG1005";

    public override Severity Severity => Severity.Error;

    public override string Title => "`deploy.capistrano.sudo: true` with `systemd.scope: user`: sudo would drive root's own user manager, not the app's.";

    public override string Fix => "Remove `sudo` (user units need no root), or use `systemd.scope: system`.";

    public override string Explanation =>
        "`systemctl --user` talks to the manager of the user who runs it (systemctl(1), --user): through sudo that " +
        "is root's, which does not have the app's units, so every task would fail with \"Unit not found\". The " +
        "deploy user starts, stops and restarts its own user units without any privilege.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Deploy?.Capistrano is { Sudo: true } && model.IsUserScope() && model.Supervises(Supervisor.Systemd))
        {
            yield return new Finding("deploy.capistrano.sudo", "`sudo: true` with user units: `sudo systemctl --user` reaches root's manager, which has none of the app's units.");
        }
    }
}
