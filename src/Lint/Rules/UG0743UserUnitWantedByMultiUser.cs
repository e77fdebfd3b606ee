using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Lint.Rules;

/// <summary>
/// Proven in tests/UnitGen.Tests/EndToEnd/UserScopeTests.cs: `systemctl --user enable` accepts such a unit (it links it
/// into multi-user.target.wants), and after the user manager starts the unit is still inactive while its
/// WantedBy=default.target twin runs.
/// </summary>
internal sealed class UG0743UserUnitWantedByMultiUser : LintRule
{
    public override string Code => "UG0743";

    public override Severity Severity => Severity.Error;

    public override string Title => "A user unit wanted by multi-user.target: a user manager has no multi-user.target, so the enabled unit never starts at boot or login.";

    public override string Fix => "Write `WantedBy=default.target` (the user manager's start target); a socket unit may use sockets.target.";

    public override string Explanation =>
        "systemd.special(7) of systemd 252, 'Units managed by the user service manager': a user manager starts " +
        "default.target, which 'is similar to multi-user.target in the system instance'; multi-user.target is not " +
        "among the user units (/usr/lib/systemd/user has none). `systemctl --user enable` still creates " +
        "~/.config/systemd/user/multi-user.target.wants/UNIT, a dependency of a target that never starts: the " +
        "service stays down after a reboot (with lingering) or a login. Measured under systemd 252 in a user manager: " +
        "the unit is inactive after the manager starts, its default.target twin is active. A unit is taken as a user " +
        "unit when it lies in a user unit folder (…/systemd/user/, systemd.unit(5)) or is wanted by default.target without User=.";

    public override IReadOnlyCollection<LintFileKind> Kinds => [LintFileKind.Service, LintFileKind.Socket];

    public override IEnumerable<LintFinding> Check(LintFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!UserUnits.IsUserUnit(file))
        {
            return [];
        }

        return file.Unit.Entries
            .Where(e => e.Section == "Install" && e.Key is "WantedBy" or "RequiredBy" && UserUnits.Targets(e.Value).Contains(ServiceManagerFacts.SystemBootTarget))
            .Select(e => new LintFinding(e.Line, e.ValueColumn,
                $"`{e.Key}={e.Value}` in a user unit: the user manager never starts multi-user.target, so enabling it starts nothing; use {ServiceManagerFacts.UserBootTarget}."));
    }
}
