using UnitGen.Model;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint.Rules;

internal sealed class UG0706ExecutableUnitFile : LintRule
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public override string Code => "UG0706";

    public override Severity Severity => Severity.Warning;

    public override string Title => "The unit file is executable: systemd warns on every daemon-reload.";

    public override string Fix => "chmod 0644 the unit file.";

    public override string Explanation =>
        "systemd logs \"Configuration file … is marked executable. Please remove executable permission bits. " +
        "Proceeding anyway.\" Unit files are data; UnitGen installs them 0644.";

    public override IReadOnlyCollection<LintFileKind> Kinds => [LintFileKind.Service, LintFileKind.Socket];

    public override IEnumerable<LintFinding> Check(LintFile file)
    {
        if (file.Mode is { } mode && (mode & AnyExecute) != 0)
        {
            yield return new LintFinding(0, 0, $"The file mode is {Convert.ToString((int)mode, 8)}: unit files must not be executable.");
        }
    }
}
