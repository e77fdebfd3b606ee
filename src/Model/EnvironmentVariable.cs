namespace UnitGen.Model;

/// <summary>One <c>NAME: value</c> entry; order is kept as written.</summary>
public sealed record EnvironmentVariable(string Name, string Value);
