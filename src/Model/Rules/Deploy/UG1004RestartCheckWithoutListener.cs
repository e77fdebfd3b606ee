using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Deploy;

internal sealed class UG1004RestartCheckWithoutListener : Rule
{
    public override string Code => "UG1004";

    public override Severity Severity => Severity.Error;

    public override string Title => "`deploy` without a listener: bin/NAME-restart has nothing to ask whether the new code serves.";

    public override string Fix => "Add the app's socket to `listen` (or `server.binds`), or remove `deploy`.";

    public override string Explanation =>
        "A restart is only done when the new code answers (puma#2213, #2465: `pumactl restart` and the Capistrano " +
        "tasks return before the app serves). bin/NAME-restart asks the health path through the app's own first " +
        "listener with curl (`--unix-socket` for a unix one); a model with no `listen` and no `server.binds` names none.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Deploy is not null && HealthTarget.Of(model) is null)
        {
            yield return new Finding("deploy@key", "`deploy` asks for a checked restart, but the model has no listener to ask.");
        }
    }
}
