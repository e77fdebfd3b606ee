using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Environment;

internal sealed class UG0502ControlCharacterInValue : Rule
{
    public override string Code => "UG0502";

    public override Severity Severity => Severity.Error;

    public override string Title => "An environment value with a newline, NUL or other control character: it cannot be written safely to an env file or envdir.";

    public override string Fix => "Remove the control character; pass binary or multi-line secrets as a file path instead.";

    public override string Explanation =>
        "A newline would end the assignment and start another in an EnvironmentFile (an injection); runit's envdir " +
        "turns NUL into newline and cuts at the first newline (envdir(8)).";

    public override IEnumerable<Finding> Check(ServiceModel model) =>
        model.Environment.Where(v => v.Value.Any(char.IsControl))
            .Select(v => new Finding($"environment.{v.Name}", $"The value of `{v.Name}` holds a control character."));
}
