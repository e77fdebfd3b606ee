namespace UnitGen.Model;

/// <summary>One socket: the source of a <c>ListenStream=</c> and of the app's matching bind.</summary>
public sealed record Listener(ListenAddress Address)
{
    /// <summary>Octal <c>SocketMode=</c> for unix sockets, e.g. "0660".</summary>
    public string? Mode { get; init; }
    /// <summary><c>SocketGroup=</c> for unix sockets, e.g. the front proxy's group.</summary>
    public string? Group { get; init; }
}
