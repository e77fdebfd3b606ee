using System.Collections.Immutable;
using UnitGen.Emitters;
using UnitGen.Formats.EnvironmentFiles;
using UnitGen.Formats.Ruby;
using UnitGen.Formats.Systemd;
using UnitGen.Model;

namespace UnitGen.Tests.Properties;

/// <summary>
/// One model's generated files read back through UnitGen's own readers: the systemd unit reader
/// (specifiers, Exec quoting), the EnvironmentFile reader and the static puma.rb/unicorn.rb reader.
/// </summary>
public sealed class EmittedSet
{
    public EmittedSet(ServiceModel model, ImmutableArray<EmittedFile> files)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Files = files.ToImmutableDictionary(f => f.Path, StringComparer.Ordinal);
        Service = Parse(OutputPaths.Service(model));
        Socket = Parse(OutputPaths.Socket(model));
        EnvFile = Files.TryGetValue(OutputPaths.EnvironmentFile(model), out var env) ? EnvironmentFileReader.Parse(env.Content) : null;
        AppConfig = OutputPaths.ServerConfig(model) is { } app && Files.TryGetValue(app, out var rb) ? RubyConfigReader.Parse(rb.Content) : null;
    }

    public ServiceModel Model { get; }

    public ImmutableDictionary<string, EmittedFile> Files { get; }

    public UnitFile? Service { get; }

    public UnitFile? Socket { get; }

    public EnvironmentFile? EnvFile { get; }

    public RubyConfig? AppConfig { get; }

    /// <summary>The last <paramref name="key"/> of the service unit, <c>%%</c> resolved.</summary>
    public string? ServiceValue(string section, string key) => Service?.Last(section, key)?.Value;

    public IEnumerable<string> ServiceValues(string section, string key) =>
        Service is null ? [] : Service.All(section, key).Select(e => e.Value);

    public IEnumerable<string> SocketValues(string key) =>
        Socket is null ? [] : Socket.All("Socket", key).Select(e => e.Value);

    /// <summary>ExecStart= as systemd splits and unquotes it.</summary>
    public string[] ExecStart()
    {
        var raw = Service?.Last("Service", "ExecStart")?.RawValue;
        Assert.True(raw is not null, "no ExecStart=");
        var line = ExecCommandLine.Parse(raw, out var error);
        Assert.True(line is not null, $"ExecStart= does not parse: {error}");
        return [.. line.Words];
    }

    /// <summary>
    /// The string arguments of every unconditional call of <paramref name="method"/> in puma.rb/unicorn.rb;
    /// a literal the reader cannot read comes back as <c>&lt;RubyUnknown…&gt;</c> and fails the comparison.
    /// </summary>
    public IEnumerable<string> Ruby(string method)
    {
        Assert.True(AppConfig is not null, "no puma.rb/unicorn.rb");
        return AppConfig.All(method).SelectMany(c => c.Arguments).Select(a => a is RubyString s ? s.Value : $"<{a}>");
    }

    public string Text(string runitFile) => Files[OutputPaths.RunitFile(Model, runitFile)].Content;

    private UnitFile? Parse(string path)
    {
        if (!Files.TryGetValue(path, out var file))
        {
            return null;
        }

        var unit = SystemdUnitReader.Parse(file.Content, path);
        Assert.True(unit.Issues.IsEmpty, string.Join("; ", unit.Issues));
        return unit;
    }
}
