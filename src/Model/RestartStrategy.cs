namespace UnitGen.Model;

/// <summary>What a reload of the service does (RULES.md UG04xx).</summary>
public enum RestartStrategy
{
    /// <summary>Stop + start; with socket activation the socket is held and requests queue.</summary>
    Normal,
    /// <summary>Re-exec in place keeping listeners (puma USR2) or a socket-held restart.</summary>
    Hot,
    /// <summary>Workers are replaced one by one (puma USR1, cluster mode).</summary>
    Phased,
}
