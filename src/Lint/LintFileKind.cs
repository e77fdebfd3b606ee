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
    EnvironmentFile,

    /// <summary>Bundler's lock file: not linted, read for the versions of puma, unicorn, bundler and sd_notify.</summary>
    GemfileLock,
}
