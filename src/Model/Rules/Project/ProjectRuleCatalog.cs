using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Project;

/// <summary>The rules that need the project, and how their findings become diagnostics.</summary>
internal static class ProjectRuleCatalog
{
    public static readonly ImmutableArray<ProjectRule> All =
    [
        new UG0120KestrelEndpointsInAppSettings(),
        new UG0310UseSystemdWithoutIntegration(),
    ];

    public static ImmutableArray<Diagnostic> Validate(ServiceModel model, SourceMap map, ProjectFacts project)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(project);
        return
        [
            .. All.SelectMany(rule => rule.Check(model, project).Select(f => new Diagnostic(
                rule.Code, rule.Severity, f.Message, rule.Fix, f.At ?? map.Resolve(f.ModelPath ?? string.Empty)))),
        ];
    }
}
