using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.UserScope;

/// <summary>
/// Decided as an error, not a warning: `systemd.scope: user` promises a service that needs no root, and runit's
/// service folders are run by the system's runsvdir as root (Debian: /etc/service, runsvdir-start). Ignoring the
/// scope for runit would install exactly what the user asked not to.
/// </summary>
internal sealed class UG0741RunitInUserScope : Rule
{
    public override string Code => "UG0741";

    public override Severity Severity => Severity.Error;

    public override string Title => "`systemd.scope: user` with runit as a supervisor: runit's service folders are run by root's runsvdir, not by the user.";

    public override string Fix => "Use `supervisor: systemd` for a user service, or `systemd.scope: system` to keep runit.";

    public override string Explanation =>
        "A user scope means the app is installed and run without root: units in ~/.config/systemd/user, run by the " +
        "user's own systemd. runit has no such scope in UnitGen: its service folder goes to runit.serviceDir " +
        "(/etc/sv) and runs under the system's runsvdir (runsvdir(8); Debian's runit starts it as root on /etc/service), " +
        "dropping to the user with chpst -u. Both need root to install and to start, so the combination is refused " +
        "instead of silently installing a root-run service.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.IsUserScope() && model.Supervises(Supervisor.Runit))
        {
            yield return new Finding("supervisor", "runit is a supervisor of this model, but `systemd.scope: user` means no root; runit's service folder would run under root's runsvdir.");
        }
    }
}
