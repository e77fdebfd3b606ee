using UnitGen.Emitters;
using UnitGen.Model;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Deploy;

/// <summary>Models with <c>deploy:</c> for the tests of bin/NAME-restart, the rake file and the sudoers drop-in.</summary>
public static class DeployModels
{
    /// <summary>samples/rails-capistrano.yaml: puma phased under systemd with two sidekiq workers, sudo.</summary>
    public static ServiceModel Sample => ModelLoader.LoadFile(Path.Combine(RepoPaths.Samples, "rails-capistrano.yaml")).Model!;

    /// <summary>One model per supervisor and server shape the script handles differently.</summary>
    public static TheoryData<string> Variants => [.. ByName.Keys];

    public static readonly IReadOnlyDictionary<string, string> ByName = new Dictionary<string, string>
    {
        ["puma-cluster-systemd"] = File.ReadAllText(Path.Combine(RepoPaths.Samples, "rails-capistrano.yaml")),
        ["puma-single-unix-socket"] = """
            name: single
            user: app
            directory: /srv/single
            server: { type: puma, version: "5.6.5", workers: 0 }
            listen: [ "unix:///run/single/puma.sock" ]
            restart: hot
            deploy: { health: { path: /up } }
            """,
        ["puma-runit-sidekiq"] = """
            name: shop
            user: deploy
            directory: /srv/shop
            server: { type: puma, version: "5.6.5", workers: 2, preload: false }
            listen: [ "tcp://0.0.0.0:3000" ]
            restart: phased
            supervisor: runit
            processes:
              worker: { type: sidekiq, version: "6.4.1", roles: [ app ] }
            deploy:
              capistrano: { roles: [ web ], sudo: true }
            """,
        ["puma-user-units"] = """
            name: mine
            user: deploy
            directory: /home/deploy/mine
            server: { type: puma, version: "5.6.5", workers: 2, preload: false }
            listen: [ "tcp://127.0.0.1:8080" ]
            restart: phased
            systemd: { scope: user }
            deploy: { capistrano: { roles: [ web ] } }
            """,
        ["unicorn-runit"] = """
            name: legacy
            user: deploy
            directory: /srv/legacy
            server: { type: unicorn, version: "6.0.0", workers: 2, preload: true, pidfile: /srv/legacy/tmp/pids/unicorn.pid }
            listen: [ "tcp://[::]:8080" ]
            restart: phased
            supervisor: runit
            deploy: { capistrano: { rolling: { limit: 2, wait: 0 } } }
            """,
    };

    public static ServiceModel Load(string name)
    {
        var loaded = ModelLoader.Load(ByName[name], $"{name}.yaml");
        Assert.True(loaded.Model is not null, string.Join('\n', loaded.Diagnostics));
        return loaded.Model!;
    }

    public static IReadOnlyDictionary<string, EmittedFile> Files(ServiceModel model) => Generator.Emit(model).ToDictionary(f => f.Path);
}
