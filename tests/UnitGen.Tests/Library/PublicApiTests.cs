using System.Reflection;
using UnitGen.Emitters;
using UnitGen.Model;
using UnitGen.Tests.Support;

namespace UnitGen.Tests.Library;

/// <summary>
/// The public API baseline: every exported type and member of UnitGen.Model and UnitGen.Emitters,
/// against the committed <c>PublicApi.txt</c>. The surface cannot grow (or shrink) by accident: a
/// change fails here until the list is updated on purpose, in the same commit.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public class PublicApiTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static string Baseline => Path.Combine(RepoPaths.Root, "tests", "UnitGen.Tests", "Library", "PublicApi.txt");

    [Fact]
    public void The_public_surface_is_the_committed_baseline()
    {
        var actual = Surface(typeof(ServiceModel).Assembly).Concat(Surface(typeof(EmittedFile).Assembly)).ToList();
        var expected = File.ReadAllLines(Baseline).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        var added = actual.Except(expected, StringComparer.Ordinal).ToList();
        var removed = expected.Except(actual, StringComparer.Ordinal).ToList();

        Assert.True(added.Count == 0 && removed.Count == 0,
            $"The public API changed. Update {Baseline} if on purpose.\nAdded:\n  {string.Join("\n  ", added)}\nRemoved:\n  {string.Join("\n  ", removed)}");
    }

    [Fact]
    public void The_library_exports_few_types()
    {
        Assert.Equal(30, typeof(ServiceModel).Assembly.GetExportedTypes().Length);
        Assert.Equal(5, typeof(EmittedFile).Assembly.GetExportedTypes().Length);
    }

    /// <summary>One line per exported type and per member a user can reach (public, or protected of an unsealed type).</summary>
    internal static IEnumerable<string> Surface(Assembly assembly) =>
        assembly.GetExportedTypes()
            .SelectMany(t => new[] { $"{t.Assembly.GetName().Name} {t.FullName}" }
                .Concat(t.GetMembers(Declared).Where(Reachable).Select(m => $"{t.FullName}: {m.MemberType} {m}{ConstantOf(m)}")))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    /// <summary>A constant's value (an enum member's number is API: reordering the members renumbers them).</summary>
    private static string ConstantOf(MemberInfo member) =>
        member is FieldInfo { IsLiteral: true } constant ? $" = {Convert.ToString(constant.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}" : string.Empty;

    private static bool Reachable(MemberInfo member) => member switch
    {
        // Accessors are listed as their property.
        MethodInfo { IsSpecialName: true } a when a.Name.StartsWith("get_", StringComparison.Ordinal) || a.Name.StartsWith("set_", StringComparison.Ordinal) => false,
        MethodBase m => m.IsPublic || ((m.IsFamily || m.IsFamilyOrAssembly) && !m.DeclaringType!.IsSealed),
        FieldInfo f => f.IsPublic || ((f.IsFamily || f.IsFamilyOrAssembly) && !f.DeclaringType!.IsSealed),
        PropertyInfo p => p.GetAccessors(nonPublic: true).Any(a => a.IsPublic || ((a.IsFamily || a.IsFamilyOrAssembly) && !a.DeclaringType!.IsSealed)),
        EventInfo e => e.AddMethod is { } add && Reachable(add),
        Type t => t.IsNestedPublic,
        _ => false,
    };
}
