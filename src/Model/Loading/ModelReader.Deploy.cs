using YamlDotNet.RepresentationModel;

namespace UnitGen.Model.Loading;

/// <summary><c>deploy:</c> — the health check and the Capistrano tasks (DESIGN.md, additions of 2026-11-30).</summary>
internal sealed partial class ModelReader
{
    private DeploySpec? ReadDeploy(YamlNode node)
    {
        if (Mapping(node, "deploy") is not { } m)
        {
            return null;
        }

        var keys = Keys(m, "deploy", ModelKeys.Deploy);
        return new DeploySpec
        {
            Health = keys.TryGetValue("health", out var h) ? ReadHealth(h) : new HealthCheckSpec(),
            Capistrano = keys.TryGetValue("capistrano", out var c) ? ReadCapistrano(c) : null,
        };
    }

    private HealthCheckSpec ReadHealth(YamlNode node)
    {
        if (Mapping(node, "deploy.health") is not { } m)
        {
            return new HealthCheckSpec();
        }

        var keys = Keys(m, "deploy.health", ModelKeys.Health);
        return new HealthCheckSpec
        {
            Path = String(keys, "path", "deploy.health.path"),
            Timeout = Int(keys, "timeout", "deploy.health.timeout") ?? HealthCheckSpec.DefaultTimeoutSeconds,
        };
    }

    private CapistranoSpec? ReadCapistrano(YamlNode node)
    {
        if (Mapping(node, "deploy.capistrano") is not { } m)
        {
            return null;
        }

        var keys = Keys(m, "deploy.capistrano", ModelKeys.Capistrano);
        var defaults = new CapistranoSpec();
        return new CapistranoSpec
        {
            Roles = keys.ContainsKey("roles") ? StringList(keys, "roles", "deploy.capistrano.roles") : defaults.Roles,
            Rolling = keys.TryGetValue("rolling", out var r) ? ReadRolling(r) : defaults.Rolling,
            Sudo = Bool(keys, "sudo", "deploy.capistrano.sudo") ?? false,
            Hook = String(keys, "hook", "deploy.capistrano.hook") ?? defaults.Hook,
        };
    }

    private RollingSpec ReadRolling(YamlNode node)
    {
        if (Mapping(node, "deploy.capistrano.rolling") is not { } m)
        {
            return new RollingSpec();
        }

        var keys = Keys(m, "deploy.capistrano.rolling", ModelKeys.Rolling);
        return new RollingSpec
        {
            Limit = Int(keys, "limit", "deploy.capistrano.rolling.limit") ?? 1,
            Wait = Int(keys, "wait", "deploy.capistrano.rolling.wait") ?? 0,
        };
    }
}
