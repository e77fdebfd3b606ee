using System.Reflection;
using System.Text.RegularExpressions;
using UnitGen.Model;
using UnitGen.Model.Fields;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Properties;

/// <summary>The hostile-input properties cover every string-valued property of the model records.</summary>
[Trait(Category.Name, Category.Unit)]
public class FieldTableTests
{
    /// <summary>The records a model is made of.</summary>
    private static readonly Type[] Records =
    [
        typeof(ServiceModel), typeof(ServerSpec), typeof(SystemdSpec), typeof(RunitSpec), typeof(Listener),
        typeof(EnvironmentVariable), typeof(TcpAddress), typeof(UnixAddress), typeof(ThreadRange),
    ];

    [Fact]
    public void Every_settable_string_enum_or_version_property_of_the_model_is_in_the_field_table()
    {
        // Arrange: properties set from unitgen.yaml text (strings, string lists, enums and versions
        // parsed from strings, listen addresses); computed ones have no setter.
        var fromText = Records
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null).Select(p => (Type: t, Property: p)))
            .Where(x => IsText(x.Property.PropertyType))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}")
            .ToList();
        var covered = StringFields.Table.SelectMany(f => f.Covers).ToHashSet(StringComparer.Ordinal);

        // Act
        var missing = fromText.Where(p => !covered.Contains(p)).ToList();

        // Assert
        Assert.True(missing.Count == 0, "not in StringFields.Table: " + string.Join(", ", missing));
        Assert.Contains("ServiceModel.Description", fromText);
    }

    /// <summary>Keys of the production table the hostile-input rows do not plant yet.</summary>
    private static readonly string[] NotPlantedYet =
    [
        "processes.*.type", "processes.*.version", "processes.*.command", "processes.*.config", "processes.*.roles",
        // Each refused whole by a form rule before any writer sees it (UG1001, UG1003, UG1002); the writers' own
        // quoting of these values is tested in DeployEmitterTests.
        "deploy.health.path", "deploy.capistrano.roles", "deploy.capistrano.hook",
    ];

    [Fact]
    public void The_hostile_input_rows_are_the_text_keys_of_the_production_field_table()
    {
        // Arrange: every key of ModelFields that holds text (strings, lists, choices, versions).
        var textKeys = ModelFields.All
            .Where(f => f.Type is FieldType.Text or FieldType.List or FieldType.Choice or FieldType.Version)
            .Select(f => f.Path)
            .Except(NotPlantedYet, StringComparer.Ordinal)
            .ToHashSet(StringComparer.Ordinal);

        // Act: `server.command[0]`, `listen[].uri (unix path)` and `environment@key` are rows of one key each.
        var planted = StringFields.Table.Select(f => ProductionPath(f.Path)).ToHashSet(StringComparer.Ordinal);

        // Assert
        Assert.Empty(textKeys.Except(planted, StringComparer.Ordinal));
        Assert.Empty(planted.Except(textKeys, StringComparer.Ordinal));
    }

    [Fact]
    public void Each_hostile_input_row_may_be_rejected_by_the_rules_its_key_uses_imply()
    {
        foreach (var row in StringFields.Table)
        {
            var field = ModelFields.All.Single(f => f.Path == ProductionPath(row.Path));
            // Only the first word of a command is its program, a path systemd resolves.
            var uses = Regex.IsMatch(row.Path, @"\[[1-9]\d*\]$") ? field.Uses & ~(FieldUse.Path | FieldUse.Program) : field.Uses;
            var implied = ImpliedCodes(uses);

            Assert.True(implied.All(row.RejectCodes.Contains),
                $"{row.Path}: the table's uses ({uses}) imply {string.Join(", ", implied)}, the row allows {string.Join(", ", row.RejectCodes)}");
        }
    }

    /// <summary>The production path of a hostile-input row: <c>server.command[1]</c> → <c>server.command</c>.</summary>
    private static string ProductionPath(string rowPath)
    {
        var path = Regex.Replace(rowPath, @" \(.*\)$|\[\d+\]$", string.Empty);
        return path.StartsWith("environment", StringComparison.Ordinal) ? "environment.*" : path;
    }

    /// <summary>The hygiene rules that read a use (UG0701, UG0720, UG0723, UG0510).</summary>
    private static string[] ImpliedCodes(FieldUse uses) =>
    [
        .. uses.HasFlag(FieldUse.UnitValue) || uses.HasFlag(FieldUse.ExecWord) ? ["UG0701"] : Array.Empty<string>(),
        .. uses.HasFlag(FieldUse.Unquoted) ? ["UG0720"] : Array.Empty<string>(),
        .. (uses & (FieldUse.Path | FieldUse.Program | FieldUse.UnixSocket)) != 0 ? ["UG0723"] : Array.Empty<string>(),
        .. (uses & (FieldUse.Argument | FieldUse.EnvironmentEntry | FieldUse.ExecWord)) != 0 ? ["UG0510"] : Array.Empty<string>(),
    ];

    private static bool IsText(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t.IsEnum || t == typeof(Version) || t == typeof(ListenAddress)
            || t == typeof(EquatableArray<string>) || (t.IsGenericType && t.GetGenericArguments().Any(a => a.IsEnum));
    }
}
