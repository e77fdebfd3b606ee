using UnitGen.Emitters;
using UnitGen.Model.Loading;

namespace UnitGen.Tests.Output;

/// <summary>Two versions of one model that differ in every generated file.</summary>
internal static class TwoVersions
{
    public static string Old => Text(9292, 2, "Old", "one");

    public static string New => Text(9393, 3, "New", "two");

    private static string Text(int port, int workers, string description, string value) => $"""
        name: atomic
        description: {description}
        user: deploy
        directory: /srv/atomic
        environment:
          SETTING: "{value}"
        server:
          type: puma
          version: "5.6.5"
          workers: {workers}
          preload: false
          config: /srv/atomic/puma.rb
        listen:
          - tcp://127.0.0.1:{port}
        restart: phased

        """;

    public static Dictionary<string, string> Emit(string model) =>
        Generator.Emit(ModelLoader.LoadFile(model).Model!).ToDictionary(f => f.Path, f => f.Content);
}
