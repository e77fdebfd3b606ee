using UnitGen.Tests.Support;

namespace UnitGen.Tests.EndToEnd;

/// <summary>
/// One app as the end-to-end classes deploy it: a bundled Rack app (<see cref="BundledApp"/>) in a folder of its own, a
/// free loopback port, and its unitgen.yaml beside it, which starts with the lines every class shares (name, user,
/// directory, environment). The env file and the server config keep their defaults, <c>/etc/default/NAME</c> and
/// <c>DIR/config/puma.rb</c> (or unicorn.rb): <c>unitgen install</c> puts them there.
/// </summary>
public sealed record E2eApp(string Name, int Port, string Folder)
{
    /// <summary>The user every app runs as (Debian's www-data, uid 33).</summary>
    public const string User = "www-data";

    public string Service => $"{Name}.service";

    public string Socket => $"{Name}.socket";

    /// <summary>Where its unitgen.yaml is, once <see cref="WriteModel"/> wrote it.</summary>
    public string ModelFile => Path.Combine(Folder, "unitgen.yaml");

    /// <summary>The installed server config: <c>server.config</c>'s default beside the app.</summary>
    public string ConfigFile(string server) => Path.Combine(Folder, "config", server + ".rb");

    /// <summary>
    /// Writes a bundled app into <c>PARENT/PREFIXxxxxxx</c> as a deploy would leave it: the code, and tmp/ owned by the
    /// service's user (the app writes pids and cache there; Capistrano links it from shared/).
    /// </summary>
    public static E2eApp Create(string parent, string prefix, bool binstubs = false, params string[] extraGems)
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..6];
        var folder = Path.Combine(parent, name);
        BundledApp.Write(folder, binstubs, extraGems);
        Directory.CreateDirectory(Path.Combine(folder, "tmp", "pids"));
        var chown = ExternalTool.Run("chown", ["-R", $"{User}:{User}", Path.Combine(folder, "tmp")]);
        Assert.True(chown.ExitCode == 0, chown.Output);
        return new E2eApp(name, RestartsUnderLoad.FreePort(), folder);
    }

    /// <summary>The model: the shared lines, <paramref name="environment"/> (indented entries) and then <paramref name="body"/>.</summary>
    public string Model(string body, string environment = "", bool group = false) =>
        $"name: {Name}\nuser: {User}\n"
        + (group ? $"group: {User}\n" : string.Empty)
        + $"directory: {Folder}\nenvironment:\n  RACK_ENV: production\n"
        + environment
        + body;

    /// <summary>Writes <see cref="Model"/> to <see cref="ModelFile"/> and returns its path, for <c>unitgen install</c>.</summary>
    public string WriteModel(string body, string environment = "", bool group = false)
    {
        File.WriteAllText(ModelFile, Model(body, environment, group));
        return ModelFile;
    }
}
