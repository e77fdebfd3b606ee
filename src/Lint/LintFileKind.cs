using UnitGen.Formats.EnvironmentFiles;
using UnitGen.Model;

namespace UnitGen.Lint;

internal enum LintFileKind
{
    Service,
    Socket,
    PumaConfig,
    UnicornConfig,
    RunitRun,

    /// <summary>A runit control script (<c>control/h</c>, <c>control/t</c>, …): runsv runs it instead of sending that signal (runsv(8)).</summary>
    RunitControl,
    EnvironmentFile,

    /// <summary>Bundler's lock file: not linted, read for the versions of puma, unicorn, bundler and sd_notify.</summary>
    GemfileLock,
}
