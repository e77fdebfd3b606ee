namespace UnitGen.Tests.Support;

/// <summary>
/// xunit Trait values. Run the fast set alone with
/// <c>dotnet test --filter Category=Unit</c>; CI runs every category.
/// </summary>
public static class Category
{
    public const string Name = "Category";

    /// <summary>In-process, no external program; the whole set runs in seconds.</summary>
    public const string Unit = "Unit";

    /// <summary>
    /// In-process FsCheck properties: no external program, but 1,000 hostile cases per model key take
    /// about 40 s, so they run after the fast set instead of inside it.
    /// </summary>
    public const string Property = "Property";

    /// <summary>Runs a real peer: systemd-analyze, ruby, puma, unicorn, shellcheck, sh, runsv.</summary>
    public const string RealTool = "RealTool";

    /// <summary>Boots an isolated systemd or runsv and restarts a real server under load.</summary>
    public const string EndToEnd = "EndToEnd";
}
