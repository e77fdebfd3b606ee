using System.Collections.Immutable;
using UnitGen.Emitters;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Loading;
using UnitGen.Model.Rules;

namespace UnitGen.Tests.Properties;

/// <summary>
/// One case of the hostile-input property: the value planted in one key of a valid model, loaded,
/// validated and — when no error — emitted and read back. Either the model fails validation with a
/// code the key allows, on one line, or every generated file gives the value back exactly.
/// </summary>
public sealed record HostileCase(StringField Field, string Value, bool Unicorn, string ServiceName = "app")
{
    /// <summary>Error codes of the case; empty when accepted.</summary>
    public ImmutableArray<string> ErrorCodes { get; private set; } = [];

    /// <summary>The generated files of an accepted case.</summary>
    public EmittedSet? Emitted { get; private set; }

    /// <summary>Runs the case; throws (an xunit assertion) when the property does not hold.</summary>
    public HostileCase Run()
    {
        var template = (Unicorn ? ModelTemplate.Unicorn : ModelTemplate.Puma).With("name", ServiceName);
        var yaml = Field.Plant(template, Value).Yaml();
        var loaded = ModelLoader.Load(yaml, "unitgen.yaml");
        var diagnostics = Validator.Validate(loaded);
        foreach (var d in diagnostics)
        {
            // A diagnostic is one line of MSBuild canonical form: a value quoted in it may not break it.
            Assert.False(d.ToString().Any(c => char.IsControl(c) || c is '\u2028' or '\u2029') || HasLoneSurrogate(d.ToString()),
                $"diagnostic not on one printable line: {HostileStrings.Show(d.ToString())}");
        }

        ErrorCodes = [.. diagnostics.Where(d => d.IsError).Select(d => d.Code).Distinct()];
        if (!ErrorCodes.IsEmpty)
        {
            var unexpected = ErrorCodes.Where(c => !Field.RejectCodes.Contains(c) && !StringFields.AnyKey.Contains(c)
                && !(c == StringFields.NotUnicode && HasLoneSurrogate(Value))).ToList();
            Assert.True(unexpected.Count == 0,
                $"{Field.Path} = {HostileStrings.Show(Value)} rejected with an unexpected code: {string.Join(" | ", diagnostics.Where(d => unexpected.Contains(d.Code)).Select(Line))}");
            return this;
        }

        var model = loaded.Model!;
        if (Field.Loaded is { } stored)
        {
            Assert.True(stored(model, Value) == Value, $"the loader changed {Field.Path}: {HostileStrings.Show(Value)} → {HostileStrings.Show(stored(model, Value) ?? "(null)")}");
        }

        Emitted = new EmittedSet(model, Generator.Emit(model));
        Field.ReadBack(Value, Emitted);
        return this;
    }

    public override string ToString() => $"{Field.Path} = {HostileStrings.Show(Value)} ({(Unicorn ? "unicorn" : "puma")})";

    /// <summary>A lone surrogate is no Unicode character: YAML's <c>\u</c> escape cannot give one (UG0001).</summary>
    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Line(Diagnostic d) => HostileStrings.Show($"{d.Code}: {d.FullMessage}");
}
