using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.ExecChain;

internal sealed class UG0202BundlerDropsDescriptors : Rule
{
    /// <summary>Bundler 2.2.26 keeps file descriptors across `bundle exec` by default (changelog, PR #4812).</summary>
    private static readonly Version KeepsFdsByDefault = new(2, 2, 26);

    public override string Code => "UG0202";

    public override Severity Severity => Severity.Error;

    public override string Title => "`bundle exec` under socket activation that closes the inherited sockets: puma dies with \"Bad file descriptor\".";

    public override string Fix => "Add `--keep-file-descriptors` after `bundle exec`, or set `server.bundler` to 2.2.26 or newer; never pass `--no-keep-file-descriptors`.";

    public override string Explanation =>
        "Before 2.2.26 bundler's exec closed every fd above 2 unless given --keep-file-descriptors (bundler changelog " +
        "2.2.26, #4812). The socket fds systemd passed are gone and puma fails with `for_fd: Bad file descriptor - not " +
        "a socket file descriptor` (puma issue #1499). An unknown bundler version is treated as old.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        var argv = model.Server.Command;
        // `bundle exec` anywhere: also behind a launcher (`rbenv exec bundle exec puma`, `env X=1 bundle exec …`).
        var exec = Enumerable.Range(1, Math.Max(0, argv.Length - 1)).FirstOrDefault(i => argv[i] == "exec" && Path.GetFileName(argv[i - 1]) == "bundle");
        // A server that takes no activated socket loses nothing (UG0109 says so instead).
        if (!model.SocketActivation || exec < 1 || !model.Server.Profile.AcceptsActivatedSockets(model.Server))
        {
            yield break;
        }

        if (argv.Contains("--no-keep-file-descriptors"))
        {
            yield return new Finding("server.command", "`--no-keep-file-descriptors` makes bundler close the sockets systemd passed.");
        }
        else if (!argv.Contains("--keep-file-descriptors") && (model.Server.Bundler is null || model.Server.Bundler < KeepsFdsByDefault))
        {
            yield return new Finding("server.command",
                $"`bundle exec` without `--keep-file-descriptors` and bundler {(model.Server.Bundler?.ToString() ?? "of unknown version")}: the sockets systemd passed are closed before {model.Server.Profile.Name} starts.");
        }
    }
}
