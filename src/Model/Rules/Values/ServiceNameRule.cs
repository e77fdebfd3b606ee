using System.Text.RegularExpressions;
using UnitGen.Model.Loading;

namespace UnitGen.Model.Rules.Values;

/// <summary>
/// The name becomes <c>NAME.service</c>, <c>NAME.socket</c> and the runit folder <c>NAME/</c>: a
/// separator, a dot segment or a control character would put a file outside its folder or break a
/// unit name.
/// </summary>
internal sealed partial class ServiceNameRule : ValueRule
{
    public override string Code => LoaderCodes.InvalidValue;

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!IsValid(model.Name))
        {
            yield return new Finding("name", $"Service name `{model.Name}` is not allowed: it names the unit and the runit directory.")
            {
                Fix = "Use lower case letters, digits, `-` and `_`, starting with a letter, at most 64 characters.",
            };
        }
    }

    /// <summary>Lower case letters, digits, <c>-</c> and <c>_</c>, starting with a letter, at most 64 characters.</summary>
    public static bool IsValid(string? name) => name is not null && NamePattern().IsMatch(name);

    [GeneratedRegex(@"^[a-z][a-z0-9_-]{0,63}\z")]
    private static partial Regex NamePattern();
}
