namespace UnitGen.Model.Diagnostics;

/// <summary>What <c>unitgen explain CODE</c> prints.</summary>
internal sealed record CodeDescription(string Code, Severity Severity, string Title, string Explanation, string Fix);
