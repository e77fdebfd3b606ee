using System.Text.RegularExpressions;
using UnitGen.Model.Loading;

namespace UnitGen.Model.Rules.Values;

/// <summary>
/// A process name becomes part of the unit template <c>NAME-PROCESS@.service</c> and of the runit
/// folders, as the service name does; shorter, so that both together stay a short unit name.
/// </summary>
internal sealed partial class ProcessNameRule : ValueRule
{
    public override string Code => LoaderCodes.InvalidValue;

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var process in model.Processes.Where(p => !ProcessNamePattern().IsMatch(p.Name)))
        {
            yield return new Finding(
                $"processes.{process.Name}@key",
                $"Process name `{process.Name}` is not allowed: it names the unit template `<name>-{process.Name}@.service` and the runit folders.")
            {
                Fix = "Use lower case letters, digits, `-` and `_`, starting with a letter, at most 32 characters.",
            };
        }
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_-]{0,31}\z")]
    private static partial Regex ProcessNamePattern();
}
