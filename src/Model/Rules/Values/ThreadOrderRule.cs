using UnitGen.Model.Loading;

namespace UnitGen.Model.Rules.Values;

/// <summary>
/// puma's <c>threads min, max</c> raises at boot when min is above max (Puma::DSL#threads in
/// lib/puma/dsl.rb raises "The minimum number of threads must be less than the max").
/// Judged only when both numbers are in range; an out-of-range one is reported on its own.
/// </summary>
internal sealed class ThreadOrderRule : ValueRule
{
    public override string Code => LoaderCodes.InvalidValue;

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Server.Threads is { } threads
            && NumberRangeRule.InRange(NumberRangeRule.Find("server.threads.min")!, threads.Min)
            && NumberRangeRule.InRange(NumberRangeRule.Find("server.threads.max")!, threads.Max)
            && threads.Min > threads.Max)
        {
            yield return new Finding("server.threads.min", $"threads min {threads.Min} is above max {threads.Max}.")
            {
                Fix = "Make `min` at most `max`.",
            };
        }
    }
}
