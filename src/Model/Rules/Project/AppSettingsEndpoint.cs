using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Project;

/// <summary>One <c>Kestrel:Endpoints:NAME</c> entry of an appsettings*.json file, at the position of its name.</summary>
internal sealed record AppSettingsEndpoint(string Name, string? Url, SourceLocation Location)
{
    /// <summary>
    /// The environment whose configuration reads the file: null for appsettings.json (every environment),
    /// <c>Production</c> for appsettings.Production.json (WebApplication.CreateBuilder's default sources).
    /// </summary>
    public string? Environment
    {
        get
        {
            var name = Path.GetFileNameWithoutExtension(Location.File);
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? null : name[(dot + 1)..];
        }
    }
}
