using UnitGen.Formats.EnvironmentFiles;
using UnitGen.Model;

namespace UnitGen.Lint;

public enum LintFileKind
{
    Service,
    Socket,
    PumaConfig,
    UnicornConfig,
    RunitRun,
    EnvironmentFile,
}
