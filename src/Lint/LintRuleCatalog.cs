using System.Collections.Immutable;
using UnitGen.Lint.Rules;
using UnitGen.Model;

namespace UnitGen.Lint;

/// <summary>The table of lint-only rules, in code order.</summary>
public static class LintRuleCatalog
{
    public static readonly ImmutableArray<LintRule> All =
    [
        new UG0403HupReloadForPuma(),
        new UG0503ExportInEnvironmentFile(),
        new UG0601RunScriptExecsUnicorn(),
        new UG0602RunScriptWithoutExec(),
        new UG0702CommentAfterValue(),
        new UG0703UnknownUnitKey(),
        new UG0704SyslogOutput(),
        new UG0706ExecutableUnitFile(),
        new UG0707LineSystemdIgnores(),
        new UG0708NotUnderstood(),
    ];
}
