using UnitGen.Formats.Systemd;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint.Rules;

/// <summary>ExecStop=/ExecReload= that runs the server program itself, which starts a second server.</summary>
internal sealed class UG0410ControlCommandStartsServer : LintServiceRule
{
    /// <summary>Programs that start a server whatever their options: none of them stops or reloads a running one.</summary>
    private static readonly HashSet<string> Servers = new(StringComparer.Ordinal) { "puma", "unicorn", "unicorn_rails", "rackup" };

    public override string Code => "UG0410";

    public override Severity Severity => Severity.Error;

    public override string Title => "ExecStop= or ExecReload= runs the server program itself (`puma`, `unicorn`, `rackup`): it starts a second server instead of signalling the running one.";

    public override string Fix => "Signal the running server: `ExecReload=/bin/kill -USR1 $MAINPID` (puma phased) or `-USR2` (hot), or `pumactl -S STATE phased-restart`; drop ExecStop= (systemd sends KillSignal=, SIGTERM, which stops puma and unicorn gracefully).";

    public override string Explanation =>
        "`puma` always boots a server: its -S is `--state PATH` (\"Where to store the state details\", puma 5.6.5 " +
        "lib/puma/cli.rb), not stop — `puma -S config/puma.rb` boots another puma, which fails to bind the running " +
        "server's port (EADDRINUSE) or serves beside it, and writes its state file over the path given. unicorn, " +
        "unicorn_rails and rackup have no stop or reload option either (unicorn 6.0.0 bin/unicorn: every run starts a " +
        "master). So `systemctl stop` or `reload` runs a command that cannot do what it is for, and systemd marks it " +
        "failed. The control programs are pumactl and kill; stop needs neither (systemd.kill(5): KillSignal=SIGTERM).";

    public override IEnumerable<LintServiceFinding> Check(LintedService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!service.Service.IsUnit)
        {
            yield break;
        }

        foreach (var entry in service.Service.Unit.Entries.Where(e => e.Section == "Service" && e.Key is "ExecStop" or "ExecReload"))
        {
            if (ExecCommandLine.Parse(entry.RawValue, out _) is { } line && StartedProgram(line.Words) is { } server)
            {
                yield return new LintServiceFinding(service.Service, entry.Line, entry.ValueColumn,
                    $"`systemctl {(entry.Key == "ExecStop" ? "stop" : "reload")}` runs `{server}`, which starts another {server} instead of {(entry.Key == "ExecStop" ? "stopping" : "reloading")} the running one.");
            }
        }
    }

    /// <summary>
    /// The server program a command runs: its first word, the word after <c>exec</c> (<c>bundle exec</c>, the shell's
    /// <c>exec</c>), after rvm's <c>do</c>, or the first word of a shell's <c>-c</c> script; options are skipped.
    /// </summary>
    private static string? StartedProgram(IReadOnlyList<string> argv)
    {
        var words = argv.ToList();
        if (words.Count > 0 && Path.GetFileName(words[0]) is "sh" or "bash" or "dash" or "zsh"
            && words.FindIndex(w => w.StartsWith('-') && !w.StartsWith("--", StringComparison.Ordinal) && w.Contains('c', StringComparison.Ordinal)) is var c and >= 0
            && c + 1 < words.Count)
        {
            words = [.. words[(c + 1)].Split([' ', '\t', ';', '&', '|'], StringSplitOptions.RemoveEmptyEntries)];
        }

        for (var i = 0; i < words.Count; i++)
        {
            // An init script (/etc/init.d/unicorn reload) is named after the server but controls it.
            var commandPosition = (i == 0 && !words[i].Contains("/init.d/", StringComparison.Ordinal) && !words[i].Contains("/rc.d/", StringComparison.Ordinal))
                || (i > 0 && words[i - 1] is "exec" or "do" && !words[i].StartsWith('-'));
            if (commandPosition && Servers.Contains(Path.GetFileName(words[i])))
            {
                return Path.GetFileName(words[i]);
            }

            // bundle exec takes options before the program (--keep-file-descriptors).
            if (words[i] == "exec")
            {
                while (i + 1 < words.Count && words[i + 1].StartsWith('-'))
                {
                    i++;
                }

                if (i + 1 < words.Count && Servers.Contains(Path.GetFileName(words[i + 1])))
                {
                    return Path.GetFileName(words[i + 1]);
                }
            }
        }

        return null;
    }
}
