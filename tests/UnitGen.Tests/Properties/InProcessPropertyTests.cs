using FsCheck;
using FsCheck.Fluent;
using UnitGen.Tests.Support;
using Xunit.Abstractions;

namespace UnitGen.Tests.Properties;

/// <summary>
/// Issue 7: for every string-valued key, hostile values either fail validation with a specific
/// code or come back exactly from every generated file, read by UnitGen's own readers. In-process:
/// FsCheck with shrinking, <see cref="PropertySeed.Cases"/> cases per key.
/// </summary>
[Trait(Category.Name, Category.Property)]
public sealed class InProcessPropertyTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_string_key_is_rejected_with_its_code_or_read_back_exactly()
    {
        // Arrange
        var seed = PropertySeed.Current();
        output.WriteLine($"seed: {seed} ({PropertySeed.Cases} cases per key)");
        var tally = new FieldTally();
        var failures = new List<string>();

        // Act
        foreach (var field in StringFields.Table)
        {
            var cases = Arb.From(
                Gen.Zip(field.Values, Gen.Elements(false, true)),
                c => HostileStrings.Shrink(c.Item1).Select(v => (v, c.Item2)));
            var shrinking = false;
            var property = Prop.ForAll(cases, c =>
            {
                var run = new HostileCase(field, c.Item1, c.Item2);
                try
                {
                    run.Run();
                }
                catch
                {
                    shrinking = true;
                    throw;
                }

                if (!shrinking)
                {
                    tally.Add(field.Path, run.ErrorCodes);
                }
            });
            try
            {
                Check.One(seed.Config(field.Path), property);
            }
            catch (Exception e)
            {
                failures.Add($"{field.Path}: {e.Message}");
            }
        }

        // Assert
        output.WriteLine(tally.Table(StringFields.Table.Select(f => f.Path)));
        Assert.True(failures.Count == 0, $"replay with {seed}\n" + string.Join("\n\n", failures));
        Assert.All(StringFields.Table, f => Assert.True(tally.Cases(f.Path) >= PropertySeed.Cases, $"{f.Path}: {tally.Cases(f.Path)} cases"));
    }
}
