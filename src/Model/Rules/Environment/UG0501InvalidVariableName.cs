using System.Text.RegularExpressions;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Environment;

internal sealed partial class UG0501InvalidVariableName : Rule
{
    public override string Code => "UG0501";

    public override Severity Severity => Severity.Error;

    public override string Title => "An environment variable name systemd and the shell reject: the variable is never set.";

    public override string Fix => "Use letters, digits and `_`, not starting with a digit.";

    public override string Explanation =>
        "systemd ignores invalid assignments in EnvironmentFile= (\"Ignoring invalid environment assignment\"), and " +
        "runit's envdir and sh need portable names: ^[A-Za-z_][A-Za-z0-9_]*$. Under runit a name is also a file name in " +
        "env/, so at most 255 characters.";

    /// <summary>NAME_MAX: runit's envdir holds one file per variable, named after it.</summary>
    private const int EnvdirNameMax = 255;

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        foreach (var v in model.Environment)
        {
            if (!Name().IsMatch(v.Name))
            {
                yield return new Finding($"environment.{v.Name}@key", $"`{v.Name}` is not a valid variable name.");
            }
            else if (v.Name.Length > EnvdirNameMax && model.Supervises(Supervisor.Runit))
            {
                yield return new Finding($"environment.{v.Name}@key",
                    $"The variable name has {v.Name.Length} characters: runit's env/ folder names a file after it, and file names have at most {EnvdirNameMax}.");
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex Name();
}
