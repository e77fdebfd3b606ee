namespace UnitGen.Model;

/// <summary>
/// One directive of <c>systemd.extra</c>: written as <c>Key=Value</c> at the end of <c>[Section]</c>
/// (Unit, Service and Install of the service unit; Socket of the socket unit).
/// </summary>
public sealed record SystemdDirective(string Section, string Key, string Value)
{
    /// <summary>Where the loader located the value: <c>systemd.extra.Service.LimitNOFILE</c>.</summary>
    public string ModelPath => $"systemd.extra.{Section}.{Key}";
}
