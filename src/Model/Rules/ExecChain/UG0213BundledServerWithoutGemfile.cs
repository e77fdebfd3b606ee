using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.ExecChain;

internal sealed class UG0213BundledServerWithoutGemfile : Rule
{
    public override string Code => "UG0213";

    // A warning, not an error: a Gemfile may sit in / (an image built for one app), which UnitGen cannot see.
    public override Severity Severity => Severity.Warning;

    public override string Title => "The default command runs `bundle exec` but the model says nowhere where the app's Gemfile is: bundler exits with \"Could not locate Gemfile\".";

    public override string Fix => "Set `directory` to the app's folder (the one with Gemfile and Gemfile.lock), or set BUNDLE_GEMFILE in `environment`, or give `server.command` (e.g. `/usr/bin/puma` for the system-wide server) or the process's `command`.";

    public override string Explanation =>
        "Without `server.command`, UnitGen runs the app's bundled server, `bundle exec puma` (unicorn likewise; a sidekiq " +
        "process without `command` likewise runs `bundle exec sidekiq`): the " +
        "version locked in the app's Gemfile.lock, not whatever puma is first on PATH. Bundler finds the Gemfile " +
        "from BUNDLE_GEMFILE, else by searching the working directory and its parents (bundler " +
        "lib/bundler/shared_helpers.rb find_gemfile); without `directory` systemd starts the service in / and runit " +
        "in the service folder, where there is normally none.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.Directory is not null || model.EnvironmentValue("BUNDLE_GEMFILE") is not null)
        {
            yield break;
        }

        if (model.Server.Command.IsEmpty && model.Server.Profile.HasDefaultCommand)
        {
            yield return new Finding("server.type", $"The default command `bundle exec {model.Server.Profile.Name}` needs the app's Gemfile, and the model has no `directory` (nor BUNDLE_GEMFILE).");
        }

        // The workers' default goes through the same launcher (Servers.BundledCommand).
        foreach (var process in model.Processes.Where(p => p.Command.IsEmpty && !p.Profile.DefaultProgram(p).IsEmpty))
        {
            yield return new Finding($"processes.{process.Name}.type", $"The default command of `{process.Name}`, `bundle exec {process.Profile.Name}`, needs the app's Gemfile, and the model has no `directory` (nor BUNDLE_GEMFILE).");
        }
    }
}
