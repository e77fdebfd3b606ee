using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.ExecChain;

public sealed class UG0203ProgramPath : Rule
{
    public override string Code => "UG0203";

    public override Severity Severity => Severity.Warning;

    public override string Title => "A program path systemd cannot resolve: relative with a directory, or using $HOME / ~.";

    public override string Fix => "Use an absolute path or a bare name found in /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin.";

    public override string Explanation =>
        "systemd looks up bare names in its fixed PATH only (systemd.service(5), \"Command lines\"); a relative path " +
        "with a slash is resolved against nothing. No shell runs, so `~` and `$HOME` are not expanded (systemd " +
        "substitutes only variables it knows, and HOME is not one in a system unit's ExecStart): those are errors.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        var argv = model.Server.Command;
        if (!argv.IsEmpty && !argv[0].StartsWith('/') && argv[0].Contains('/', StringComparison.Ordinal))
        {
            yield return new Finding("server.command", $"`{argv[0]}` is a relative path; systemd resolves it against nothing.");
        }

        if (argv.FirstOrDefault(w => w.Contains("$HOME", StringComparison.Ordinal) || w.Contains("${HOME}", StringComparison.Ordinal) || w.StartsWith('~')) is { } home)
        {
            yield return new Finding("server.command", $"`{home}`: no shell expands `~` or `$HOME` here.", Severity.Error);
        }
    }
}
