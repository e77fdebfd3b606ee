using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Project;

/// <summary>
/// A rule that needs the .NET project beside the model (its references, its appsettings files), so only the
/// MSBuild task can check it. Described like <see cref="Rule"/>, listed in <see cref="ProjectRuleCatalog"/>.
/// </summary>
internal abstract class ProjectRule : DescribedRule
{
    public abstract IEnumerable<ProjectFinding> Check(ServiceModel model, ProjectFacts project);
}

/// <summary>What a project rule found: at a model path, or at a place in another file of the project.</summary>
internal sealed record ProjectFinding(string Message, string? ModelPath = null, SourceLocation? At = null);
