using UnitGen.Model.Loading;

namespace UnitGen.Model.Rules.Values;

/// <summary>A service nothing supervises would emit no unit and no run script: at least one supervisor.</summary>
internal sealed class SupervisorListRule : ValueRule
{
    public override string Code => LoaderCodes.InvalidValue;

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Supervisors.IsEmpty)
        {
            yield return new Finding("supervisor", "The supervisor list is empty.")
            {
                Fix = "Write `supervisor: systemd`, `runit` or `[systemd, runit]`.",
            };
        }
    }
}
