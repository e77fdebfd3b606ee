namespace UnitGen.Model.Lint;

public enum LintFileKind
{
    Service,
    Socket,
    PumaConfig,
    UnicornConfig,
    RunitRun,
    EnvironmentFile,
}
