using System.Collections.Immutable;

namespace UnitGen.Model.Rules.Project;

/// <summary>
/// What the .NET project that publishes the model says about the app, as the MSBuild task sees it: the names
/// of its package and project references and of the assemblies they resolve to (so a package pulled in by
/// another counts), and the Kestrel endpoints its appsettings*.json files configure.
/// </summary>
internal sealed record ProjectFacts(ImmutableArray<string> References, ImmutableArray<AppSettingsEndpoint> AppSettingsEndpoints)
{
    /// <summary>True when the project references <paramref name="name"/> (a package id, project or assembly name).</summary>
    public bool HasReference(string name) =>
        References.Any(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
}
