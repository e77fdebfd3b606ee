using System.Collections.Immutable;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace UnitGen.Model.Loading;

/// <summary><c>processes:</c> — the app's workers, one mapping per process name (DESIGN.md, additions of 2026-11-30).</summary>
internal sealed partial class ModelReader
{
    /// <summary>Copies of one process a model may ask for; more is a fleet, not an app.</summary>
    public const int MaxInstances = 64;

    private ImmutableArray<ProcessSpec> ReadProcesses(Dictionary<string, YamlNode> keys)
    {
        if (!keys.TryGetValue("processes", out var node) || IsNull(node) || Mapping(node, "processes") is not { } m)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<ProcessSpec>();
        foreach (var (keyNode, value) in m.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var path = $"processes.{name}";
            Locate(keyNode, $"{path}@key");
            Locate(value, path);
            if (!ProcessNamePattern().IsMatch(name))
            {
                Invalid($"{path}@key", $"Process name `{name}` is not allowed: it names the unit template `<name>-{name}@.service` and the runit folders.",
                    "Use lower case letters, digits, `-` and `_`, starting with a letter, at most 32 characters.");
                continue;
            }

            if (ReadProcess(name, value, path) is { } process)
            {
                result.Add(process);
            }
        }

        return result.ToImmutable();
    }

    private ProcessSpec? ReadProcess(string name, YamlNode node, string path)
    {
        if (Mapping(node, path) is not { } m)
        {
            return null;
        }

        var keys = Keys(m, path, ModelKeys.Process);
        if (!keys.TryGetValue("type", out var typeNode))
        {
            return MissingKey<ProcessSpec>(m, $"{path}.type", "type: sidekiq");
        }

        var type = Enum(keys, "type", $"{path}.type", ProcessType.Command);
        if (typeNode is YamlScalarNode { Value: "command" } && !keys.ContainsKey("command"))
        {
            // UnitGen derives the command only for sidekiq.
            return MissingKey<ProcessSpec>(m, $"{path}.command", "command: [/usr/bin/program, arg]");
        }

        return new ProcessSpec
        {
            Name = name,
            Type = type,
            Version = Version(keys, "version", $"{path}.version"),
            Command = ReadCommand(keys, $"{path}.command"),
            Config = AbsolutePath(keys, "config", $"{path}.config"),
            Instances = Int(keys, "instances", $"{path}.instances", 1, MaxInstances) ?? 1,
            StopTimeout = Int(keys, "stopTimeout", $"{path}.stopTimeout", 1, 86400),
            Notify = Bool(keys, "notify", $"{path}.notify") ?? false,
            WatchdogSec = Int(keys, "watchdogSec", $"{path}.watchdogSec", 1, 86400),
            Roles = StringList(keys, "roles", $"{path}.roles"),
        };
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_-]{0,31}\z")]
    private static partial Regex ProcessNamePattern();
}
