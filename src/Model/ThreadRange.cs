namespace UnitGen.Model;

/// <summary>Puma's <c>threads min, max</c>.</summary>
public sealed record ThreadRange(int Min, int Max);
