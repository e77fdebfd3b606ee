using UnitGen.Emitters;
using UnitGen.Model;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Emitters;

/// <summary>Every file emitted for every sample, against its reviewed golden file in tests/snapshots.</summary>
[Trait(Category.Name, Category.Unit)]
public class GoldenFileTests
{
    public static TheoryData<string> Samples => SampleNames.All;

    public static TheoryData<string> SocketActivatedPumaSamples => SampleNames.Where(m => m.Server.IsPuma && m.Supervises(Supervisor.Systemd) && m.SocketActivation);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Emitted_files_match_their_golden_files(string sample)
    {
        var model = ModelLoader.LoadFile(Path.Combine(RepoPaths.Samples, sample + ".yaml")).Model!;

        var files = Generator.Emit(model);

        GoldenFile.Verify($"{sample}/files", string.Join('\n', files.Select(f => $"{f.Path} {Convert.ToString((int)f.Mode, 8)}")) + "\n");
        foreach (var file in files)
        {
            GoldenFile.Verify($"{sample}/{file.Path}", file.Content);
        }
    }

    [Theory]
    [MemberData(nameof(SocketActivatedPumaSamples))]
    public void Puma_binds_equal_the_socket_listen_streams(string sample)
    {
        var model = ModelLoader.LoadFile(Path.Combine(RepoPaths.Samples, sample + ".yaml")).Model!;
        var files = Generator.Emit(model).ToDictionary(f => f.Path, f => f.Content);

        var listen = files[$"systemd/{model.Name}.socket"].Split('\n').Where(l => l.StartsWith("ListenStream=", StringComparison.Ordinal))
            .Select(l => UnitGen.Model.Facts.BindKeys.OfListen(UnitGen.Lint.Import.ListenStreamParser.Parse(l["ListenStream=".Length..])!));
        var binds = files["app/puma.rb"].Split('\n').Where(l => l.StartsWith("bind ", StringComparison.Ordinal))
            .Select(l => UnitGen.Model.Facts.BindKeys.OfBind(l[6..^1]));

        Assert.Equal(listen.Order(), binds.Order());
    }
}
