using System.Collections.Immutable;
using UnitGen.Lint.Rules;
using UnitGen.Model;

namespace UnitGen.Lint;

/// <summary>The table of lint-only rules, in code order.</summary>
internal static class LintRuleCatalog
{
    public static readonly ImmutableArray<LintRule> All =
    [
        new UG0204AssignmentAsProgram(),
        new UG0403HupReloadForPuma(),
        new UG0407KillWithoutPid(),
        new UG0503ExportInEnvironmentFile(),
        new UG0601RunScriptExecsUnicorn(),
        new UG0602RunScriptWithoutExec(),
        new UG0702CommentAfterValue(),
        new UG0703UnknownUnitKey(),
        new UG0704SyslogOutput(),
        new UG0706ExecutableUnitFile(),
        new UG0707LineSystemdIgnores(),
        new UG0708NotUnderstood(),
        new UG0709WorkingDirectoryNotAbsolute(),
        new UG0725LegacyVarRun(),
        new UG0743UserUnitWantedByMultiUser(),
    ];

    /// <summary>Rules over the files of one service together, for settings the model has no place for.</summary>
    public static readonly ImmutableArray<LintServiceRule> ServiceRules =
    [
        new UG0113SocketOnlyADependency(),
        new UG0205ForkingTypeWithForegroundServer(),
        new UG0206ServerDaemonizes(),
        new UG0406KillModeProcessWithWrapper(),
        new UG0409SignalPumaDoesNotHandle(),
        new UG0410ControlCommandStartsServer(),
    ];
}
