using System.Globalization;
using BenchmarkDotNet.Attributes;
using UnitGen.Emitters;
using UnitGen.Model;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Loading;
using UnitGen.Model.Rules;

namespace UnitGen.Benchmarks;

/// <summary>
/// A fleet of 1,000 services (benches/fleet.yaml.template varied by name, port, workers and
/// restart strategy). Results are per service (OperationsPerInvoke), so the mean converts straight
/// to services per second. Goal: validate + emit ≥ 20,000 services/s on one core.
/// </summary>
[MemoryDiagnoser]
public class FleetBenchmarks
{
    private const int Services = 1000;
    private string[] texts = [];
    private (ServiceModel Model, SourceMap Map)[] models = [];

    [GlobalSetup]
    public void Setup()
    {
        var template = File.ReadAllText(Path.Combine(RepoFolder.Root, "benches", "fleet.yaml.template"));
        texts = [.. Enumerable.Range(0, Services).Select(i => template
            .Replace("{name}", $"svc{i:D4}", StringComparison.Ordinal)
            .Replace("{port}", (10000 + i).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{workers}", (2 + (i % 4)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{restart}", i % 2 == 0 ? "phased" : "hot", StringComparison.Ordinal))];
        models = [.. texts.Select((t, i) => ModelLoader.Load(t, $"svc{i}.yaml")).Select(r => (r.Model ?? throw new InvalidOperationException(string.Join('\n', r.Diagnostics)), r.Map))];
        var errors = models.SelectMany(m => Validator.Validate(m.Model, m.Map)).Where(d => d.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("the fleet must be valid: " + errors[0]);
        }
    }

    [Benchmark(OperationsPerInvoke = Services)]
    public int ValidateAndEmit()
    {
        var files = 0;
        foreach (var (model, map) in models)
        {
            files += Validator.Validate(model, map).Length + Generator.Emit(model).Length;
        }

        return files;
    }

    [Benchmark(OperationsPerInvoke = Services)]
    public int LoadValidateEmit()
    {
        var files = 0;
        for (var i = 0; i < texts.Length; i++)
        {
            var loaded = ModelLoader.Load(texts[i], "fleet.yaml");
            files += Validator.Validate(loaded.Model!, loaded.Map).Length + Generator.Emit(loaded.Model!).Length;
        }

        return files;
    }
}
