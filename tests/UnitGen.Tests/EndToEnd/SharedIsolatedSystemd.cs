namespace UnitGen.Tests.EndToEnd;

/// <summary>One isolated systemd 252 shared by every app of a test class (<see cref="ExplicitCommandTests"/>, <see cref="RunitZeroDowntimeTests"/>): each app has its own name and port.</summary>
public sealed class SharedIsolatedSystemd : IDisposable
{
    public IsolatedSystemd Systemd { get; } = new();

    public void Dispose() => Systemd.Dispose();
}
