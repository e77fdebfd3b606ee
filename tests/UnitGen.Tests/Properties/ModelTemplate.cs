using System.Collections.Immutable;
using System.Text;

namespace UnitGen.Tests.Properties;

/// <summary>
/// A valid model in which every string-valued key is set, as YAML: a property replaces one hole with
/// the hostile value and keeps the rest. Two servers (puma, unicorn) under both supervisors, so
/// every emitter — units, env file, puma.rb or unicorn.rb, the runit folder — sees each value.
/// </summary>
public sealed record ModelTemplate(ImmutableDictionary<string, string> Holes)
{
    public static ModelTemplate Puma { get; } = new(new Dictionary<string, string>
    {
        ["name"] = "app",
        ["description"] = "App server",
        ["user"] = "deploy",
        ["group"] = "www-data",
        ["directory"] = "/srv/app",
        ["envFile"] = "/etc/default/app",
        ["envKey"] = "RAILS_ENV",
        ["envValue"] = "production",
        ["type"] = "puma",
        ["version"] = "\"5.6.5\"",
        ["command"] = string.Empty,
        ["bundler"] = string.Empty,
        ["ruby"] = string.Empty,
        ["config"] = "/srv/app/config/puma.rb",
        ["rackup"] = "config.ru",
        ["serverEnvironment"] = "production",
        ["pidfile"] = "/srv/app/tmp/pids/server.pid",
        ["binds"] = string.Empty,
        ["tcpUri"] = "tcp://127.0.0.1:9292",
        ["unixUri"] = "unix:///run/app/app.sock",
        ["mode"] = "\"0660\"",
        ["listenGroup"] = "www-data",
        ["restart"] = "normal",
        ["supervisor"] = "[systemd, runit]",
        ["socketActivation"] = "true",
        ["hardening"] = "default",
        ["scope"] = "system",
        ["stdout"] = "append:/var/log/app/out.log",
        ["stderr"] = "append:/var/log/app/err.log",
        ["after"] = "postgresql.service",
        ["wants"] = "postgresql.service",
        ["readWritePaths"] = "/srv/app/storage",
        ["extraValue"] = "\"65536\"",
        ["serviceDir"] = "/etc/sv",
        ["logDir"] = "/var/log/app",
    }.ToImmutableDictionary());

    public static ModelTemplate Unicorn { get; } = Puma.With("type", "unicorn").With("version", "\"6.0.0\"")
        .With("config", "/srv/app/config/unicorn.rb").With("pidfile", "/srv/app/tmp/pids/unicorn.pid");

    public ModelTemplate With(string hole, string yaml) =>
        Holes.ContainsKey(hole) ? new(Holes.SetItem(hole, yaml)) : throw new ArgumentException($"No hole `{hole}`.", nameof(hole));

    /// <summary>
    /// The model text. The variable is written as an explicit key (<c>? KEY</c>): YAML limits implicit
    /// keys to 1024 characters, and the property plants longer names.
    /// </summary>
    public string Yaml()
    {
        var h = Holes;
        var yaml = new StringBuilder();
        yaml.Append("name: ").Append(h["name"]).Append('\n')
            .Append("description: ").Append(h["description"]).Append('\n')
            .Append("user: ").Append(h["user"]).Append('\n')
            .Append("group: ").Append(h["group"]).Append('\n')
            .Append("directory: ").Append(h["directory"]).Append('\n')
            .Append("envFile: ").Append(h["envFile"]).Append('\n')
            .Append("environment:\n  ? ").Append(h["envKey"]).Append("\n  : ").Append(h["envValue"]).Append('\n')
            .Append("server:\n")
            .Append("  type: ").Append(h["type"]).Append('\n')
            .Append("  version: ").Append(h["version"]).Append('\n');
        Optional(yaml, "  command: ", h["command"]);
        Optional(yaml, "  bundler: ", h["bundler"]);
        Optional(yaml, "  ruby: ", h["ruby"]);
        yaml.Append("  config: ").Append(h["config"]).Append('\n')
            .Append("  rackup: ").Append(h["rackup"]).Append('\n')
            .Append("  environment: ").Append(h["serverEnvironment"]).Append('\n')
            .Append("  pidfile: ").Append(h["pidfile"]).Append('\n')
            .Append("  workers: 2\n");
        Optional(yaml, "  binds: ", h["binds"]);
        yaml.Append("listen:\n")
            .Append("  - ").Append(h["tcpUri"]).Append('\n')
            .Append("  - uri: ").Append(h["unixUri"]).Append('\n')
            .Append("    mode: ").Append(h["mode"]).Append('\n')
            .Append("    group: ").Append(h["listenGroup"]).Append('\n')
            .Append("restart: ").Append(h["restart"]).Append('\n')
            .Append("supervisor: ").Append(h["supervisor"]).Append('\n')
            .Append("systemd:\n")
            .Append("  socketActivation: ").Append(h["socketActivation"]).Append('\n')
            .Append("  hardening: ").Append(h["hardening"]).Append('\n')
            .Append("  scope: ").Append(h["scope"]).Append('\n')
            .Append("  stdout: ").Append(h["stdout"]).Append('\n')
            .Append("  stderr: ").Append(h["stderr"]).Append('\n')
            .Append("  after: [ ").Append(h["after"]).Append(" ]\n")
            .Append("  wants: [ ").Append(h["wants"]).Append(" ]\n")
            .Append("  readWritePaths: [ ").Append(h["readWritePaths"]).Append(" ]\n")
            .Append("  extra:\n    Service:\n      LimitNOFILE: ").Append(h["extraValue"]).Append('\n')
            .Append("runit:\n")
            .Append("  serviceDir: ").Append(h["serviceDir"]).Append('\n')
            .Append("  logDir: ").Append(h["logDir"]).Append('\n');
        return yaml.ToString();
    }

    private static void Optional(StringBuilder yaml, string key, string value)
    {
        if (value.Length > 0)
        {
            yaml.Append(key).Append(value).Append('\n');
        }
    }
}
