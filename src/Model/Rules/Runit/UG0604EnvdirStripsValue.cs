using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Runit;

internal sealed class UG0604EnvdirStripsValue : Rule
{
    public override string Code => "UG0604";

    public override Severity Severity => Severity.Error;

    public override string Title => "An environment value ending in a space or tab: runit's `chpst -e` strips it, so the app would see another value.";

    public override string Fix => "Remove the trailing blank, or supervise with systemd only (EnvironmentFile= keeps quoted blanks).";

    public override string Explanation =>
        "chpst -e reads the first line of each env/ file and removes trailing spaces and tabs (runit src/chpst.c " +
        "`edir`: `while (sa.len && (sa.s[sa.len -1] == ' ' || sa.s[sa.len -1] == '\\t')) --sa.len;`). UnitGen " +
        "writes values verbatim and will not emit one that would read back differently.";

    public override IEnumerable<Finding> Check(ServiceModel model) =>
        model.Supervises(Supervisor.Runit)
            ? model.Environment.Where(v => v.Value.EndsWith(' ') || v.Value.EndsWith('\t'))
                .Select(v => new Finding($"environment.{v.Name}", $"The value of `{v.Name}` ends in a blank, which chpst -e would strip."))
            : [];
}
