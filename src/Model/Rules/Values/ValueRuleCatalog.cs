using System.Collections.Immutable;

namespace UnitGen.Model.Rules.Values;

/// <summary>
/// The value checks, run before every other rule: a model with a value outside its range is reported
/// with these findings only, as the loader stopped at them before rules existed.
/// </summary>
internal static class ValueRuleCatalog
{
    public static readonly ImmutableArray<Rule> All =
    [
        new ServiceNameRule(),
        new AbsolutePathRule(),
        new ServerCommandRule(),
        new NumberRangeRule(),
        new ThreadOrderRule(),
        new SocketCountRule(),
        new SocketAddressRule(),
        new SocketModeRule(),
        new SupervisorListRule(),
        new ProcessNameRule(),
    ];
}
