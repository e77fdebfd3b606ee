namespace UnitGen.Model.Servers;

/// <summary>
/// How the supervisor stops the server gracefully, when it is not systemd's default (SIGTERM to every
/// process of the unit).
/// </summary>
/// <param name="KillSignal">systemd <c>KillSignal=</c>.</param>
/// <param name="MainProcessOnly">systemd <c>KillMode=process</c>: only the master is signalled, it stops its workers.</param>
/// <param name="NonBlockingSockets">systemd <c>NonBlocking=</c> for inherited sockets.</param>
internal sealed record StopSignal(string KillSignal, bool MainProcessOnly, bool NonBlockingSockets);
