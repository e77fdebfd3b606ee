using UnitGen.Formats.Systemd;
using UnitGen.Model;
using UnitGen.Model.Servers;

namespace UnitGen.Lint.Import;

/// <summary>
/// What a hand-written <c>ExecReload=</c> does, in the model's terms. Puma 5.6.5 maps USR2 to a hot
/// restart and USR1 to a phased one (lib/puma/launcher.rb <c>setup_signals</c>), and pumactl sends the
/// same signals for <c>restart</c> and <c>phased-restart</c> (lib/puma/control_cli.rb
/// <c>CMD_PATH_SIG_MAP</c>). Unicorn 6.0.0 reloads its config and replaces workers on HUP
/// (SIGNALS), which is what UnitGen writes for unicorn's normal restart.
/// </summary>
internal static class ReloadCommand
{
    /// <returns>The restart strategy, or null when the command is not one UnitGen can write.</returns>
    public static RestartStrategy? StrategyOf(ExecCommandLine reload, ServerType server)
    {
        ArgumentNullException.ThrowIfNull(reload);
        var words = reload.Words;
        var program = Path.GetFileName(words[0]);
        if (words.Any(w => Path.GetFileName(w) == "pumactl"))
        {
            // pumactl [options] COMMAND: the command is the last word (options all take values or are flags).
            return words[^1] switch
            {
                "restart" => RestartStrategy.Hot,
                "phased-restart" => RestartStrategy.Phased,
                _ => null,
            };
        }

        if (program != "kill")
        {
            return null;
        }

        var signal = Signal(words);
        // The server's own mapping (its profile); a USR2 reload of a server UnitGen knows no signals of is
        // read as a hot restart, the one meaning USR2 has for every server UnitGen knows.
        return signal is null ? null
            : ServerProfiles.Of(server).StrategyOf(signal) ?? (signal == "USR2" ? RestartStrategy.Hot : null);
    }

    /// <summary>The signal name of <c>kill -USR2</c>, <c>kill -SIGUSR2</c>, <c>kill -s USR2</c> or <c>kill --signal USR2</c>.</summary>
    private static string? Signal(IReadOnlyList<string> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            var name = words[i] is "-s" or "--signal" && i + 1 < words.Count ? words[i + 1]
                : words[i].StartsWith('-') && words[i].Length > 1 ? words[i][1..]
                : null;
            if (name is not null)
            {
                return name.StartsWith("SIG", StringComparison.Ordinal) ? name[3..] : name;
            }
        }

        return null;
    }
}
