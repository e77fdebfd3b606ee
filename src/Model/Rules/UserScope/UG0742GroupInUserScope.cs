using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.UserScope;

/// <summary>
/// Decided as a warning, with <c>group</c> left out of the units: the app still runs, with the user's own
/// groups, so nothing breaks at start; but what the model says (another group) does not happen, and the user is
/// told. <c>user</c> itself is not reported: in user scope it names the account whose manager runs the units
/// (install puts them into that user's home and runs <c>systemctl --user</c> as that user).
/// </summary>
internal sealed class UG0742GroupInUserScope : Rule
{
    public override string Code => "UG0742";

    public override Severity Severity => Severity.Warning;

    public override string Title => "`group` in a user-scope model is ignored: a user manager cannot switch groups; the app runs with the user's own groups.";

    public override string Fix => "Remove `group`, and add the user to the group (usermod -aG GROUP USER) if the app needs its files; or use `systemd.scope: system`.";

    public override string Explanation =>
        "systemd.exec(5) of systemd 252, 'User/Group identity': User= and Group= are 'only available for system " +
        "services and are not supported for services running in per-user instances of the service manager'; for a " +
        "user service 'switching user identity is not permitted'. The user manager starts with the user's login " +
        "groups, so a group the user belongs to already applies without Group=, and " +
        "one they do not belong to cannot be taken (user@.service runs the manager with User=%i, which gives it that user's groups). UnitGen writes neither User= nor Group= into user units.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.IsUserScope() && model.Supervises(Supervisor.Systemd) && model.Group is { } group)
        {
            yield return new Finding("group", $"`group: {group}` is not written into the user units: {model.User}'s own service manager runs them with {model.User}'s groups.");
        }
    }
}
