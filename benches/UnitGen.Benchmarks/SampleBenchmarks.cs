using BenchmarkDotNet.Attributes;
using UnitGen.Emitters;
using UnitGen.Model;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Loading;
using UnitGen.Model.Rules;

namespace UnitGen.Benchmarks;

/// <summary>Each stage for each bundled sample: load (YAML → model), validate, emit, and all three.</summary>
[MemoryDiagnoser]
public class SampleBenchmarks
{
    private string text = string.Empty;
    private ServiceModel model = null!;
    private SourceMap map = null!;

    [ParamsSource(nameof(Samples))]
    public string Sample { get; set; } = string.Empty;

    public static IEnumerable<string> Samples => Directory.EnumerateFiles(RepoFolder.Samples, "*.yaml")
        .Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [GlobalSetup]
    public void Setup()
    {
        text = File.ReadAllText(Path.Combine(RepoFolder.Samples, Sample));
        var loaded = ModelLoader.Load(text, Sample);
        model = loaded.Model ?? throw new InvalidOperationException($"{Sample} does not load");
        map = loaded.Map;
    }

    [Benchmark]
    public ServiceModel? Load() => ModelLoader.Load(text, Sample).Model;

    [Benchmark]
    public int Validate() => Validator.Validate(model, map).Length;

    [Benchmark]
    public int Emit() => Generator.Emit(model).Length;

    [Benchmark]
    public int LoadValidateEmit()
    {
        var loaded = ModelLoader.Load(text, Sample);
        return Validator.Validate(loaded.Model!, loaded.Map).Length + Generator.Emit(loaded.Model!).Length;
    }
}
