using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint;

/// <summary>What a service rule found: the file of the group it is in, a line and column there, and the message.</summary>
/// <param name="Severity">When not the rule's own: a verdict that depends on a version nobody stated is a warning.</param>
internal sealed record LintServiceFinding(LintFile File, int Line, int Column, string Message, Severity? Severity = null);

/// <summary>
/// A lint rule about settings the model has no place for (Type=forking, KillMode=, puma's daemonize) that
/// needs the files of one service together: the unit and the app config its ExecStart names.
/// </summary>
internal abstract class LintServiceRule : DescribedRule
{
    public abstract IEnumerable<LintServiceFinding> Check(LintedService service);
}
