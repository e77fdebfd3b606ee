using System.Collections.Immutable;
using System.CommandLine;
using UnitGen.Lint.Import;

namespace UnitGen.Cli.Commands;

/// <summary>
/// foreman's <c>export</c> options (foreman 0.87.2 lib/foreman/cli.rb) on <c>unitgen import Procfile</c>, under
/// the same long names and short aliases, so a <c>foreman export</c> command line carries over. <c>-t</c> is
/// left out: foreman gives it to both --template and --timeout.
/// </summary>
internal sealed class ForemanCliOptions
{
    private readonly Option<string[]> env = new("--env", "-e") { Description = "Procfile: foreman .env file(s), comma-separated or repeated; later ones win (default: ROOT/.env when present).", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string?> app = new("--app", "-a") { Description = "Procfile: the app name, `name` (foreman's default: app)." };
    private readonly Option<string?> user = new("--user", "-u") { Description = "Procfile: the account, `user` (foreman's default: the app name)." };
    private readonly Option<string?> root = new("--root", "-d") { Description = "Procfile: where the processes run, `directory` (default: the Procfile's folder)." };
    private readonly Option<int?> port = new("--port", "-p") { Description = "Procfile: the base port; the web listens on base + 100 × its place (default: .env's PORT, else 5000)." };
    private readonly Option<string?> formation = new("--formation", "-m") { Description = "Procfile: instances per process, e.g. all=1,worker=2 (processes.*.instances)." };
    private readonly Option<int?> timeout = new("--timeout") { Description = "Procfile: seconds a command process gets to stop (processes.*.stopTimeout; sidekiq's comes from -t)." };
    private readonly Option<string?> log = new("--log", "-l") { Description = "Procfile: runit's log folder, runit.logDir (default: /var/log/NAME)." };
    private readonly Option<string?> run = new("--run", "-r") { Description = "Procfile: foreman's pid folder; not needed (named in a comment)." };
    private readonly Option<string?> template = new("--template") { Description = "Procfile: foreman's template folder; no equivalent (named in a comment)." };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in (Option[])[env, app, user, root, port, formation, timeout, log, run, template])
        {
            command.Add(option);
        }
    }

    public bool AnyGiven(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return (parse.GetValue(env) ?? []).Length > 0
            || new[] { parse.GetValue(app), parse.GetValue(user), parse.GetValue(root), parse.GetValue(formation), parse.GetValue(log), parse.GetValue(run), parse.GetValue(template) }.Any(v => v is not null)
            || parse.GetValue(port) is not null || parse.GetValue(timeout) is not null;
    }

    public ForemanOptions Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new ForemanOptions
        {
            App = parse.GetValue(app),
            User = parse.GetValue(user),
            Root = parse.GetValue(root) is { } r ? Path.GetFullPath(r) : null,
            Port = parse.GetValue(port),
            Formation = parse.GetValue(formation),
            Timeout = parse.GetValue(timeout),
            Log = parse.GetValue(log),
            Run = parse.GetValue(run),
            Template = parse.GetValue(template),
            EnvFiles = [.. (parse.GetValue(env) ?? []).SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries))],
        };
    }
}
