using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace UnitGen.Model.Loading;

/// <summary><c>processes:</c> — the app's workers, one mapping per process name (DESIGN.md, additions of 2026-11-30).</summary>
internal sealed partial class ModelReader
{
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

        // An unknown type is reported (UG0004); sidekiq stands in, as it needs no `command`.
        _ = typeNode;
        var type = Enum(keys, "type", $"{path}.type", ProcessType.Sidekiq);
        return new ProcessSpec
        {
            Name = name,
            Type = type,
            Version = Version(keys, "version", $"{path}.version"),
            Command = ReadCommand(keys, $"{path}.command"),
            Config = String(keys, "config", $"{path}.config"),
            Instances = Int(keys, "instances", $"{path}.instances") ?? 1,
            StopTimeout = Int(keys, "stopTimeout", $"{path}.stopTimeout"),
            Notify = Bool(keys, "notify", $"{path}.notify") ?? false,
            WatchdogSec = Int(keys, "watchdogSec", $"{path}.watchdogSec"),
            Roles = StringList(keys, "roles", $"{path}.roles"),
        };
    }
}
