using System.Collections.Immutable;
using System.Text.Json;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Project;

/// <summary>
/// Finds <c>Kestrel:Endpoints:NAME</c> in an appsettings*.json file with the line and column of each name.
/// Read as the JSON configuration provider reads it (runtime src/libraries/Microsoft.Extensions.Configuration.Json,
/// JsonConfigurationFileParser): comments and trailing commas allowed, keys case-insensitive.
/// </summary>
internal static class AppSettingsReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <returns>The endpoints; none when the file is not JSON the configuration provider would accept either.</returns>
    public static ImmutableArray<AppSettingsEndpoint> Endpoints(string file, byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var found = ImmutableArray.CreateBuilder<AppSettingsEndpoint>();
        var reader = new Utf8JsonReader(json, Options);
        var path = new List<string>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        if (IsEndpoints(path))
                        {
                            found.Add(new AppSettingsEndpoint(property!, UrlOf(reader), At(file, json, reader.TokenStartIndex)));
                        }

                        break;
                    case JsonTokenType.StartObject:
                        path.Add(property ?? string.Empty);
                        property = null;
                        break;
                    case JsonTokenType.EndObject:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.StartArray:
                        reader.Skip();
                        property = null;
                        break;
                    default:
                        property = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The app itself would fail to start on this file; that is not ours to report.
            return [];
        }

        return found.ToImmutable();
    }

    /// <summary>Inside <c>{ "Kestrel": { "Endpoints": { ... } } }</c> (the first entry is the root object).</summary>
    private static bool IsEndpoints(List<string> path) =>
        path.Count == 3
        && string.Equals(path[1], "Kestrel", StringComparison.OrdinalIgnoreCase)
        && string.Equals(path[2], "Endpoints", StringComparison.OrdinalIgnoreCase);

    /// <summary>The endpoint's <c>Url</c>, read from a copy of the reader so the walk goes on from the name.</summary>
    private static string? UrlOf(Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1
                && string.Equals(reader.GetString(), "Url", StringComparison.OrdinalIgnoreCase) && reader.Read())
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
        }

        return null;
    }

    private static SourceLocation At(string file, byte[] json, long offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (json[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        // Columns count characters: continuation bytes of UTF-8 (10xxxxxx) do not start one.
        var column = 1 + json.AsSpan(lineStart, (int)offset - lineStart).ToArray().Count(b => (b & 0xC0) != 0x80);
        return new SourceLocation(file, line, column);
    }
}
