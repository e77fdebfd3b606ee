using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint;

/// <summary>Codes lint reports about the files themselves, before or beside any rule: not readable, not what the name says, alone.</summary>
internal static class LintInputCodes
{
    public static readonly RuleDescriptor NotRuby = new("UG0710", Severity.Error,
        "A puma.rb/unicorn.rb that is not Ruby (a unit file, a shell script, YAML): the server cannot load it and does not start.",
        "puma loads its config with `instance_eval(File.read(path))` (puma 5.6.5 lib/puma/dsl.rb `_load_from`) and unicorn with " +
        "`instance_eval(File.read(config_file), config_file)` (unicorn 6.0.0 lib/unicorn/configurator.rb `reload`): a file that is " +
        "not Ruby raises SyntaxError at boot. Seen in the wild: the systemd unit pasted into config/puma.rb, or a YAML settings file " +
        "under a .rb name.",
        "Put the Ruby DSL in the file (`workers 2`, `bind \"…\"`), and the unit or YAML in a file of its own kind.");

    public static readonly RuleDescriptor Unreadable = new("UG0711", Severity.Error,
        "A file lint cannot read, or whose kind neither its name nor its content tells: it is skipped, the others are linted.",
        "lint reads .service and .socket units, puma.rb and unicorn.rb (also `*.rb.example`), runit `run` scripts, env files " +
        "(`.env`, `*.env`, `.env.example`, /etc/default/*) and Gemfile.lock (for versions); a file of another name is read when " +
        "its content shows the kind ([Service], [Socket], puma/unicorn DSL calls, a shebang, NAME=value lines).",
        "Give the file a name of its kind, or leave it out; check that it exists and can be read.");

    public static readonly RuleDescriptor Unpaired = new("UG0712", Severity.Info,
        "A socket, app config or env file that no service or run script given with it uses: the rules across files were not run on it.",
        "lint pairs files given together: a socket with the service of its name (or Service=, Sockets=, Requires=/Wants=/After=), " +
        "an app config with the service or run script whose `-C`/`-c` names it (or the only one given), an env file with " +
        "EnvironmentFile= (or the only one). A file left over is linted alone, so mistakes across files (preload with a phased " +
        "reload, binds against ListenStream) cannot be seen.",
        "Give the files that belong together in one `unitgen lint` call, or name the file in the unit (`-C`, EnvironmentFile=).");

    public static ImmutableArray<RuleDescriptor> Descriptors { get; } = [NotRuby, Unreadable, Unpaired];
}
