using System.Reflection;

namespace UnitGen.Tests.Support;

/// <summary>test.sh runs the suite by Category; a test without one would silently never run in CI.</summary>
[Trait(Category.Name, Category.Unit)]
public class CategoryTests
{
    [Fact]
    public void Every_test_class_has_exactly_one_known_category()
    {
        string[] known = [Category.Unit, Category.Property, Category.RealTool, Category.EndToEnd];
        var testClasses = typeof(CategoryTests).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()));

        var untagged = testClasses
            .Where(t => t.GetCustomAttributes<TraitAttribute>().Count() != 1
                || !known.Any(k => t.GetCustomAttributesData().Any(a =>
                    a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[1].Value == k)))
            .Select(t => t.FullName);

        Assert.Empty(untagged);
    }
}
