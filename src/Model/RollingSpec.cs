namespace UnitGen.Model;

/// <summary>
/// <c>deploy.capistrano.rolling</c>: hosts restarted at once and seconds between groups — sshkit's
/// <c>on hosts, in: :groups, limit:, wait:</c> (sshkit lib/sshkit/runners/group.rb).
/// </summary>
public sealed record RollingSpec
{
    public int Limit { get; init; } = 1;

    public int Wait { get; init; }
}
