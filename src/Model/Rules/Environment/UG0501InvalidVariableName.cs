using System.Text.RegularExpressions;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Environment;

public sealed partial class UG0501InvalidVariableName : Rule
{
    public override string Code => "UG0501";

    public override Severity Severity => Severity.Error;

    public override string Title => "An environment variable name systemd and the shell reject: the variable is never set.";

    public override string Fix => "Use letters, digits and `_`, not starting with a digit.";

    public override string Explanation =>
        "systemd ignores invalid assignments in EnvironmentFile= (\"Ignoring invalid environment assignment\"), and " +
        "runit's envdir and sh need portable names: ^[A-Za-z_][A-Za-z0-9_]*$.";

    public override IEnumerable<Finding> Check(ServiceModel model) =>
        model.Environment.Where(v => !Name().IsMatch(v.Name))
            .Select(v => new Finding($"environment.{v.Name}@key", $"`{v.Name}` is not a valid variable name."));

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex Name();
}
