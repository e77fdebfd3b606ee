using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.UnitHygiene;

/// <summary>
/// An error, not the warning RULES.md first listed: DESIGN.md says "root only with allowRoot: true",
/// and a warning would still let <c>generate</c> write a root unit. Covers systemd (User=/Group=) and
/// runit (<c>chpst -u USER:GROUP</c>, also for svlogd), which take the same two model keys.
/// </summary>
internal sealed class UG0705RunsAsRoot : Rule
{
    public override string Code => "UG0705";

    public override Severity Severity => Severity.Error;

    public override string Title => "The service runs as root: any bug in the app is a bug with full control of the host.";

    public override string Fix => "Run as an unprivileged user and group; if root is really needed, say so with `allowRoot: true`.";

    public override string Explanation =>
        "A unit without User= runs as root, and so does `User=root` or `User=0`; `Group=root` gives the app every file " +
        "of the root group. Web apps need no privilege with socket activation (systemd binds low ports). " +
        "Nothing runs as root unless the model says `allowRoot: true`, which records the decision.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.AllowRoot)
        {
            yield break;
        }

        if (AccountName.IsRoot(model.User))
        {
            yield return new Finding("user", $"The service runs as root (`user: {model.User}`) without `allowRoot: true`.");
        }

        if (AccountName.IsRoot(model.Group))
        {
            yield return new Finding("group", $"The service runs with the root group (`group: {model.Group}`) without `allowRoot: true`.");
        }
    }
}
