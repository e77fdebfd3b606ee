using System.Text.RegularExpressions;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Deploy;

internal sealed partial class UG1003NotARoleName : Rule
{
    public override string Code => "UG1003";

    public override Severity Severity => Severity.Error;

    public override string Title => "A Capistrano role that is not a role name, or no role for the web server: the tasks would run on no host.";

    public override string Fix => "Use the role names of your stage files (`role :web, %w[...]`, `server ..., roles: %w[web app]`): lower case letters, digits and `_`.";

    public override string Explanation =>
        "The generated tasks select hosts with `roles(:web)`; Capistrano 3.17.2 keeps roles as symbols " +
        "(lib/capistrano/configuration/servers.rb, `roles_for`) and a host list for a role no server has is empty, " +
        "so the task silently does nothing. `deploy.capistrano.roles` names the web server's roles and must list one; " +
        "`processes.NAME.roles` names each process's (absent: the web server's).";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Deploy?.Capistrano is not { } capistrano)
        {
            yield break;
        }

        if (capistrano.Roles.IsEmpty)
        {
            yield return new Finding("deploy.capistrano.roles", "`deploy.capistrano.roles` is empty: no host would run the web server's tasks.");
        }

        var roles = capistrano.Roles.Select((role, i) => (Path: $"deploy.capistrano.roles[{i}]", Role: role))
            .Concat(model.Processes.SelectMany(p => p.Roles.Select((role, i) => (Path: $"processes.{p.Name}.roles[{i}]", Role: role))));
        foreach (var (path, role) in roles.Where(r => !IsRoleName(r.Role)))
        {
            yield return new Finding(path, $"`{role}` is not a role name: lower case letters, digits and `_`, starting with a letter.");
        }
    }

    public static bool IsRoleName(string role) => RoleName().IsMatch(role);

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,63}\z")]
    private static partial Regex RoleName();
}
