using System.Collections.Immutable;

namespace UnitGen.Model.Rules;

/// <summary>The table of every rule, in code order.</summary>
internal static class RuleCatalog
{
    public static readonly ImmutableArray<Rule> All =
    [
        new Sockets.UG0101BindWithoutSocket(),
        new Sockets.UG0102UnusedSocket(),
        new Sockets.UG0103PortOnlyListenWithIPv4Bind(),
        new Sockets.UG0104HostName(),
        new Sockets.UG0105UnicornListenMismatch(),
        new Sockets.UG0106DuplicateListener(),
        new Sockets.UG0107RelativeUnixPath(),
        new Sockets.UG0108UnixSocketWithoutAccess(),
        new Sockets.UG0109ServerIgnoresActivatedSockets(),
        new Sockets.UG0110KestrelAddressesUnderSocketActivation(),
        new Sockets.UG0111KestrelTakesOnlyTheFirstSocket(),
        new Sockets.UG0112VarRunSocketForOldPuma(),
        new ExecChain.UG0201ForkingExecStart(),
        new ExecChain.UG0202BundlerDropsDescriptors(),
        new ExecChain.UG0203ProgramPath(),
        new ExecChain.UG0211ServerConfigNotPassed(),
        new ExecChain.UG0212CommandLineAddressOutsideListen(),
        new ExecChain.UG0213BundledServerWithoutGemfile(),
        new ExecChain.UG0214ServerKeyWithoutEffect(),
        new ExecChain.UG0215CommandDaemonizes(),
        new Readiness.UG0301WatchdogWithoutNotify(),
        new Readiness.UG0302NotifyUnsupported(),
        new Readiness.UG0303WatchdogDuringHotRestart(),
        new Restarts.UG0401PhasedWithoutWorkers(),
        new Restarts.UG0402PhasedWithPreload(),
        new Restarts.UG0408PruneBundlerIgnored(),
        new Restarts.UG0404UnicornReexecUnderSystemd(),
        new Restarts.UG0405RestartClosesSocket(),
        new Environment.UG0501InvalidVariableName(),
        new Environment.UG0502ControlCharacterInValue(),
        new Environment.UG0504WebConcurrencyDisagrees(),
        new Environment.UG0510ArgumentTooLong(),
        new Runit.UG0601UnicornFollowerWithoutPidfile(),
        new Runit.UG0603RunitRestartCommands(),
        new Runit.UG0604EnvdirStripsValue(),
        new UnitHygiene.UG0701ControlCharacterInUnitValue(),
        new UnitHygiene.UG0705RunsAsRoot(),
        new UnitHygiene.UG0720BlanksSystemdStrips(),
        new UnitHygiene.UG0721NotAUnitName(),
        new UnitHygiene.UG0722UserOrGroupName(),
        new UnitHygiene.UG0723PathSystemdRefuses(),
        new UnitHygiene.UG0724UnknownOutput(),
        new UnitHygiene.UG0730UnknownExtraDirective(),
        new UnitHygiene.UG0731ExtraOverridesGeneratedKey(),
        new UserScope.UG0740PrivilegedPortInUserScope(),
        new UserScope.UG0741RunitInUserScope(),
        new UserScope.UG0742GroupInUserScope(),
        new Processes.UG0801StopTimeoutShorterThanSidekiqWaits(),
        new Processes.UG0802ProcessCannotNotify(),
        new Processes.UG0803SidekiqRemovedFlag(),
        new Processes.UG0804ProcessBindsServerPort(),
        new Processes.UG0805WatchdogOnSilentProcess(),
        new Hardening.UG0901YjitUnderMemoryDenyWriteExecute(),
        new Hardening.UG0902StrictHidesRemoteService(),
        new Hardening.UG0903PrivateTmpHidesSocket(),
        new Deploy.UG1001HealthPathNotARequestPath(),
        new Deploy.UG1002HookNotADeployTask(),
        new Deploy.UG1003NotARoleName(),
        new Deploy.UG1004RestartCheckWithoutListener(),
        new Deploy.UG1005SudoForUserUnits(),
    ];

    public static Rule? Find(string code) =>
        All.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
}
