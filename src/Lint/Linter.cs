using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Lint;

/// <summary>Runs the lint-only rules over hand-written files and places each finding at its file(line,col).</summary>
internal static class Linter
{
    /// <summary>
    /// Everything lint finds: the lint-only rules on each file, the service rules and the model rules on each
    /// service read from its files (the same rules as <c>unitgen validate</c>), and the files that pair with none.
    /// </summary>
    public static ImmutableArray<Diagnostic> Lint(IReadOnlyList<LintFile> files) => Lint(files, LockedVersions.None);

    public static ImmutableArray<Diagnostic> Lint(IReadOnlyList<LintFile> files, LockedVersions flags)
    {
        ArgumentNullException.ThrowIfNull(files);
        var fileFindings = LintFiles(files);
        var services = LintModelBuilder.Build(files, flags);
        var partial = LintModelBuilder.BuildPartial(files, services, flags);
        var serviceFindings = services.Concat(partial).SelectMany(s => LintRuleCatalog.ServiceRules.SelectMany(rule => rule.Check(s).Select(f =>
            new Diagnostic(rule.Code, f.Severity ?? rule.Severity, f.Message, rule.Fix, new SourceLocation(f.File.Path, f.Line, f.Column)))));
        // A run script or an app config alone says nothing of users, sockets or readiness: only the rules that judge the
        // restart against the app config run on it.
        var partialFindings = partial.SelectMany(s => UnitGen.Model.Rules.Validator.Validate(s.Model, s.Map, lint: true)
            .Where(d => AcrossRunitFiles.Contains(d.Code)));
        var modelFindings = services.SelectMany(s => UnitGen.Model.Rules.Validator.Validate(s.Model, s.Map, lint: true)
            // A user unit runs as the user whose manager starts it (systemd.special(7) default.target): no User= is not root.
            .Where(d => !(s.UserScope && d.Code == "UG0705" && s.Service.Unit.Last("Service", "User") is null))
            // Workers and preload live in the app config: when it was not given, the model's "unset" is not the server's.
            // UG0211/UG0212 judge a command against the config and listen entries UnitGen generates: not hand-written files.
            .Where(d => d.Code is not ("UG0211" or "UG0212"))
            // UG0408 asks a model not to set a pruneBundler puma would skip; in a hand-written puma.rb a skipped
            // prune_bundler changes nothing the server does (lib/puma/launcher.rb prune_bundler?), and with preload the
            // restart itself is UG0402's.
            .Where(d => d.Code != "UG0408")
            .Where(d => !(s.AppConfig is null && s.Model.Server.Profile.ConfigFileName is not null && NeedAppConfig.Contains(d.Code))));
        var unpaired = LintModelBuilder.Unpaired(files, services).Select(f => new Diagnostic(
            Unpaired.Code, Unpaired.Severity, $"{Path.GetFileName(f.Path)} pairs with no service or run script given: the rules across files were not run on it.",
            Unpaired.Fix, new SourceLocation(f.Path, 0, 0)));
        return [.. fileFindings.Concat(serviceFindings).Concat(modelFindings).Concat(partialFindings).Concat(unpaired).Distinct()];
    }

    public static ImmutableArray<Diagnostic> LintFiles(IEnumerable<LintFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var given = files.ToList();
        return
        [
            .. given.Select(f => f.Kind == LintFileKind.EnvironmentFile && LintModelBuilder.NamedByEnvironmentFile(f, given) ? f with { ReadBySystemd = true } : f).SelectMany(file => LintRuleCatalog.All
                .Where(rule => rule.Kinds.Contains(file.Kind))
                .SelectMany(rule => rule.Check(file).Select(f => new Diagnostic(
                    rule.Code, rule.Severity, f.Message, rule.Fix, new SourceLocation(file.Path, f.Line, f.Column))))
                .OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column)),
        ];
    }

    /// <summary>Model rules of the restart against the app config: phased without workers or with preload, prune_bundler ignored.</summary>
    private static readonly HashSet<string> AcrossRunitFiles = new(StringComparer.Ordinal) { "UG0401", "UG0402", "UG0408" };

    /// <summary>Model rules whose verdict depends on workers or preload, which only the app config states.</summary>
    private static readonly HashSet<string> NeedAppConfig = new(StringComparer.Ordinal) { "UG0401", "UG0402" };

    private static RuleDescriptor Unpaired => LintInputCodes.Unpaired;
}
