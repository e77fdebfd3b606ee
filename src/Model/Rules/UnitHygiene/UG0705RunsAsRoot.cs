using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.UnitHygiene;

public sealed class UG0705RunsAsRoot : Rule
{
    public override string Code => "UG0705";

    public override Severity Severity => Severity.Warning;

    public override string Title => "The service runs as root: any bug in the app is a bug with full control of the host.";

    public override string Fix => "Run as an unprivileged user; if root is really needed, say so with `allowRoot: true`.";

    public override string Explanation =>
        "A unit without User= runs as root. Web apps need no privilege with socket activation (systemd binds low ports). " +
        "`allowRoot: true` records the decision and silences this warning.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.User is "root" or "0" && !model.AllowRoot)
        {
            yield return new Finding("user", "The service runs as root.");
        }
    }
}
