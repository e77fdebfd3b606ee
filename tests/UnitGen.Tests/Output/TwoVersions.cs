using UnitGen.Emitters;
using UnitGen.Model.Loading;

namespace UnitGen.Tests.Output;

/// <summary>
/// Two versions of one model that differ in every generated file: systemd units, env file, puma.rb and
/// the whole runit folder (run, log/run, env/SETTING, control/h), so each write is visible.
/// </summary>
internal static class TwoVersions
{
    public static string Old => Text(9292, 2, "Old", "one", "phased", "old");

    public static string New => Text(9393, 3, "New", "two", "hot", "new");

    private static string Text(int port, int workers, string description, string value, string restart, string release) => $"""
        name: atomic
        description: {description}
        user: deploy
        directory: /srv/atomic/{release}
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
        restart: {restart}
        supervisor: [ systemd, runit ]
        runit:
          logDir: /var/log/atomic-{release}

        """;

    public static Dictionary<string, string> Emit(string model) =>
        Generator.Emit(ModelLoader.LoadFile(model).Model!).ToDictionary(f => f.Path, f => f.Content);

    /// <summary>The files of a model in the order <c>generate</c> writes them.</summary>
    public static IReadOnlyList<EmittedFile> InWriteOrder(string model) => Generator.Emit(ModelLoader.LoadFile(model).Model!);
}
