namespace UnitGen.Model.Diagnostics;

/// <summary>
/// What a diagnostic code means, once for every code UnitGen prints: model rules, lint rules, project rules
/// and the loader, I/O and lint-input codes. Diagnostics take their severity and default fix from it, and
/// <c>unitgen explain CODE</c> prints it. The upstream source a rule encodes (file and version of puma,
/// unicorn, systemd, sidekiq…) is cited in <see cref="Explanation"/>, where <c>explain</c> shows it.
/// </summary>
internal sealed record RuleDescriptor(string Code, Severity Severity, string Title, string Explanation, string Fix);
