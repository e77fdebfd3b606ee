using System.Text.Json;
using NJsonSchema;
using UnitGen.Model.Loading;
using UnitGen.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace UnitGen.Tests.Schema;

/// <summary>schemas/unitgen.schema.json agrees with the loader: same keys, same verdict on the samples.</summary>
[Trait(Category.Name, Category.Unit)]
public class SchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromJsonAsync(File.ReadAllText(RepoPaths.Schema)).GetAwaiter().GetResult();

    public static TheoryData<string> ValidSamples => [.. RepoPaths.ValidSampleFiles.Select(f => Path.GetFileName(f)!)];

    /// <summary>
    /// Structurally broken models. Models the schema cannot judge live in subfolders:
    /// samples/invalid/rules (they break a validation rule) and samples/invalid/beyond-schema
    /// (anchors, nesting depth, min &gt; max, shell quoting: limits JSON Schema cannot express).
    /// </summary>
    public static TheoryData<string> InvalidSamples =>
        [.. Directory.EnumerateFiles(RepoPaths.InvalidSamples, "*.yaml").Order(StringComparer.Ordinal).Select(f => Path.GetFileName(f)!)];

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void Schema_accepts_every_valid_sample(string file)
    {
        var errors = Schema.Validate(YamlAsJson(Path.Combine(RepoPaths.Samples, file))!);

        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind}"));
    }

    [Theory]
    [MemberData(nameof(InvalidSamples))]
    public void Schema_rejects_every_invalid_sample(string file)
    {
        var path = Path.Combine(RepoPaths.InvalidSamples, file);
        string? json;
        try
        {
            json = YamlAsJson(path);
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            return; // Not even YAML: rejected before any schema could look at it.
        }

        // No document at all (an empty file) is no object either.
        Assert.True(json is null || Schema.Validate(json).Count > 0, $"the schema accepts {file}");
    }

    [Fact]
    public void Schema_keys_equal_model_keys_section_by_section()
    {
        var sections = new Dictionary<string, JsonSchema>
        {
            [""] = Schema,
            ["server"] = Schema.Definitions["server"],
            ["server.threads"] = Schema.Definitions["server"].Properties["threads"],
            ["listen[]"] = Schema.Properties["listen"].Item!.OneOf.Single(s => s.Type == JsonObjectType.Object),
            ["systemd"] = Schema.Properties["systemd"],
            ["runit"] = Schema.Properties["runit"],
            ["processes.*"] = Schema.Properties["processes"].AdditionalPropertiesSchema!.ActualSchema,
            ["deploy"] = Schema.Properties["deploy"],
            ["deploy.health"] = Schema.Properties["deploy"].Properties["health"],
            ["deploy.capistrano"] = Schema.Properties["deploy"].Properties["capistrano"],
            ["deploy.capistrano.rolling"] = Schema.Properties["deploy"].Properties["capistrano"].Properties["rolling"],
        };

        Assert.Equal(ModelKeys.Sections.Keys.Order(), sections.Keys.Order());
        foreach (var (section, keys) in ModelKeys.Sections)
        {
            Assert.Equal(keys.Order(StringComparer.Ordinal), sections[section].Properties.Keys.Order(StringComparer.Ordinal));
            Assert.False(sections[section].AllowAdditionalProperties, $"section `{section}` must refuse unknown keys");
        }
    }

    [Fact]
    public void Cli_prints_the_same_schema()
    {
        var stdout = new StringWriter();

        Assert.Equal(0, UnitGen.Cli.CliApp.Run(["schema"], stdout, new StringWriter()));
        Assert.Equal(File.ReadAllText(RepoPaths.Schema), stdout.ToString());
    }

    /// <summary>YAML → JSON the way yaml-language-server sees it: plain true/false and numbers typed, the rest strings.</summary>
    private static string? YamlAsJson(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        if (stream.Documents.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, stream.Documents[0].RootNode);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter json, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode m:
                json.WriteStartObject();
                foreach (var (k, v) in m.Children)
                {
                    json.WritePropertyName(((YamlScalarNode)k).Value!);
                    Write(json, v);
                }

                json.WriteEndObject();
                break;
            case YamlSequenceNode s:
                json.WriteStartArray();
                foreach (var child in s.Children)
                {
                    Write(json, child);
                }

                json.WriteEndArray();
                break;
            case YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } b:
                json.WriteBooleanValue(b.Value == "true");
                break;
            case YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } n when long.TryParse(n.Value, out var number):
                json.WriteNumberValue(number);
                break;
            case YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "" or "~" or "null" or null }:
                json.WriteNullValue();
                break;
            case YamlScalarNode s:
                json.WriteStringValue(s.Value);
                break;
        }
    }
}
