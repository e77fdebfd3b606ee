namespace UnitGen.Model.Servers;

/// <summary>
/// The signal that performs one restart strategy for a server, as every supervisor sends it: systemd's
/// <c>ExecReload=</c>, runit's <c>sv reload</c> (control/h) and <c>sv 1</c>/<c>sv 2</c>, and what lint reads back.
/// </summary>
/// <param name="Strategy">The model's <c>restart</c>.</param>
/// <param name="Signal">The signal name without <c>SIG</c> (kill(1) spelling).</param>
/// <param name="Label">What the signal does, for messages: <c>hot</c>, <c>phased</c>, <c>USR2 upgrade</c>.</param>
/// <param name="KeepsMainPid">False when the restart forks a new master, which systemd cannot follow (UG0404).</param>
internal sealed record RestartSignal(RestartStrategy Strategy, string Signal, string Label, bool KeepsMainPid = true);
