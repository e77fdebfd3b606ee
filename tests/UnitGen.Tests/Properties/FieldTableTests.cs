using System.Reflection;
using UnitGen.Model;
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

    private static bool IsText(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t.IsEnum || t == typeof(Version) || t == typeof(ListenAddress)
            || t == typeof(EquatableArray<string>) || (t.IsGenericType && t.GetGenericArguments().Any(a => a.IsEnum));
    }
}
