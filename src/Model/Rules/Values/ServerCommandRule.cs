using UnitGen.Model.Loading;

namespace UnitGen.Model.Rules.Values;

/// <summary>
/// UnitGen derives the command only for puma and unicorn (and sidekiq among <c>processes:</c>); a kestrel
/// or command server, or a command process, without one has no program to run (systemd refuses a
/// service without ExecStart=).
/// </summary>
internal sealed class ServerCommandRule : ValueRule
{
    public override string Code => LoaderCodes.Missing;

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.Server.Profile.HasDefaultCommand && model.Server.Command.IsEmpty)
        {
            yield return new Finding("server.command", "Required key `command` is missing.") { Fix = $"Add `{model.Server.Profile.RequiredCommandExample}`." };
        }

        foreach (var process in model.Processes.Where(p => p.Type == ProcessType.Command && p.Command.IsEmpty))
        {
            yield return new Finding($"processes.{process.Name}.command", "Required key `command` is missing.")
            {
                Fix = "Add `command: [/usr/bin/program, arg]`.",
            };
        }
    }
}
