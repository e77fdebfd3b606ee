using UnitGen.Model;
using UnitGen.Model.Loading;

namespace UnitGen.Tests.Support;

/// <summary>The valid samples (file names without .yaml) as xunit theory data, all or by what they model.</summary>
public static class SampleNames
{
    public static TheoryData<string> All => [.. Names];

    /// <summary>Samples whose model satisfies <paramref name="filter"/>, e.g. the ones systemd supervises.</summary>
    public static TheoryData<string> Where(Func<ServiceModel, bool> filter) =>
        [.. Names.Where(n => filter(ModelLoader.LoadFile(Path.Combine(RepoPaths.Samples, n + ".yaml")).Model!))];

    public static TheoryData<string> Supervised(Supervisor supervisor) => Where(m => m.Supervises(supervisor));

    public static TheoryData<string> Serving(ServerType server) => Where(m => m.Server.Type == server);

    private static IEnumerable<string> Names => RepoPaths.ValidSampleFiles.Select(f => Path.GetFileNameWithoutExtension(f)!);
}
