using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.ExecChain;

internal sealed class UG0211ServerConfigNotPassed : Rule
{
    public override string Code => "UG0211";

    public override Severity Severity => Severity.Error;

    public override string Title => "An explicit command that does not load the generated puma.rb / unicorn.rb: the server runs with other settings than the model's.";

    public override string Fix => "Name the server in the command (`/usr/bin/puma`, `DIRECTORY/bin/puma`, `bundle exec puma`) and UnitGen adds `-C CONFIG` (unicorn: `-c CONFIG`); drop a `-C`/`-c` naming another file, or set `server.config` to that file.";

    public override string Explanation =>
        "UnitGen passes the config it generates to the server it can see in `server.command`: after launchers " +
        "(bundle exec, env, ruby, rbenv exec, rvm … do, chruby-exec … --) it adds `-C CONFIG` for puma or `-c CONFIG` " +
        "for unicorn right after the program. What it cannot fix is refused: a `-C` naming another file (puma 5.6.5 " +
        "lib/puma/cli.rb loads every `-C` given; unicorn 6.0.0 bin/unicorn keeps only the last `-c`), puma's " +
        "`--no-config`, a shell script (`sh -c`) or any other wrapper that does not pass `-C CONFIG` on. Without the " +
        "config, puma listens on tcp://0.0.0.0:9292 and closes the sockets systemd passed (\"Closing unused activated " +
        "socket\"), and unicorn writes no pid file, so runit's unicorn-follow cannot follow it (measured on Debian 12 " +
        "with puma 5.6.5 and unicorn 6.0.0).";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        var server = model.Server;
        // A server UnitGen writes no config file for has none to be passed; a config option of its own is the user's.
        if (server.Command.IsEmpty || server.Profile.ProgramNames.IsEmpty || server.Profile.ConfigOption is not { } flag)
        {
            yield break;
        }

        var config = ServerConfigFile.InstalledPath(model);
        var line = ServerCommandLine.Parse(server.Profile, server.Command);
        if (!line.FoundServer || line.InShell)
        {
            if (!line.MentionsConfig(server.Type, config, model.Directory))
            {
                var program = server.Profile.ProgramNames[0];
                yield return new Finding(line.InShell ? $"server.command[{line.ScriptWord}]" : "server.command", line.InShell
                    ? $"The {program} started inside this shell script does not get `{flag} {config}`, and UnitGen cannot add words to a script: write `{flag} {config}` after `{program}` in the script, or drop the shell."
                    : $"UnitGen cannot see where `{program}` starts in `{string.Join(' ', server.Command)}`, so it cannot pass the generated config: start {program} directly (`/usr/bin/{program}`, `{model.Directory ?? "DIRECTORY"}/bin/{program}`, `bundle exec {program}`), or pass `{flag} {config}` in the command yourself.");
            }

            yield break;
        }

        foreach (var argument in line.Arguments)
        {
            if (argument.Role == ServerOptionRole.NoConfig)
            {
                yield return new Finding($"server.command[{line.WordOf(argument)}]", $"`{argument.Text}` makes puma load no config file: the generated {config} is ignored. Remove it.");
            }
            else if (argument.Role == ServerOptionRole.Config && (argument.Value is null || !ServerCommandLine.SameFile(argument.Value, config, model.Directory)))
            {
                yield return new Finding($"server.command[{line.WordOf(argument)}]",
                    $"`{argument.Text}` loads another file than the generated config {config}: remove it (UnitGen adds `{flag} {config}`), or set `server.config: {argument.Value}` if that is where the generated file is installed.");
            }
        }
    }
}
