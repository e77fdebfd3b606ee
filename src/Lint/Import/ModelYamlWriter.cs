using System.Globalization;
using System.Text;
using UnitGen.Model;

namespace UnitGen.Lint.Import;

/// <summary>
/// Writes a model as <c>unitgen.yaml</c> for <c>unitgen import</c>. Every string is a double-quoted
/// YAML scalar with <c>\</c>, <c>"</c> and control characters escaped, so the file loads back to the
/// same values. Each key says which source line it came from (<c># from puma.rb(3)</c>), a derived value
/// has a note above it, and every other line of the source is named at the end with why it is not in
/// the model: nothing the source said is dropped without a word.
/// </summary>
internal sealed class ModelYamlWriter
{
    private readonly StringBuilder text = new();
    private readonly ImportedModel imported;

    private ModelYamlWriter(ImportedModel imported) => this.imported = imported;

    public static string Write(ImportedModel imported)
    {
        ArgumentNullException.ThrowIfNull(imported);
        var w = new ModelYamlWriter(imported);
        var model = imported.Model;
        w.Line("# Imported by `unitgen import`. Review every comment, then `unitgen validate` and `unitgen generate`.");
        foreach (var note in imported.Header)
        {
            w.Comment(0, note);
        }

        w.Key(0, "name", "name", model.Name);
        w.Key(0, "description", "description", model.Description);
        w.Key(0, "user", "user", model.User);
        if (model.AllowRoot)
        {
            w.Raw(0, "allowRoot", "allowRoot", "true");
        }

        w.Key(0, "group", "group", model.Group);
        w.Key(0, "directory", "directory", model.Directory);
        if (!model.Environment.IsEmpty)
        {
            w.Line("environment:");
            foreach (var v in model.Environment)
            {
                w.Key(1, v.Name, $"environment.{v.Name}", v.Value);
            }
        }

        w.Key(0, "envFile", "envFile", model.EnvFile);
        w.Line("server:");
        w.Raw(1, "type", "server.type", model.Server.Type.ToString().ToLowerInvariant());
        if (model.Server.Version is { } version)
        {
            w.Key(1, "version", "server.version", version.ToString());
        }
        else if (model.Server.Type is ServerType.Puma or ServerType.Unicorn)
        {
            w.Line("  # version: \"x.y.z\"   unknown from the files; version-aware rules assume the riskier behaviour until set.");
        }

        w.List(1, "command", "server.command", model.Server.Command);
        if (model.Server.Command.Contains("bundle") && model.Server.Bundler is null)
        {
            w.Line("  # bundler: \"x.y.z\"   unknown from the files; set it (>= 2.2.26 keeps socket fds by default).");
        }
        else if (model.Server.Bundler is { } bundler)
        {
            w.Key(1, "bundler", "server.bundler", bundler.ToString());
        }

        w.Key(1, "config", "server.config", model.Server.Config);
        w.Key(1, "rackup", "server.rackup", model.Server.Rackup);
        w.Key(1, "environment", "server.environment", model.Server.Environment);
        w.Int(1, "workers", "server.workers", model.Server.Workers);
        if (model.Server.Threads is { } threads)
        {
            w.Raw(1, "threads", "server.threads", $"{{ min: {threads.Min.ToString(CultureInfo.InvariantCulture)}, max: {threads.Max.ToString(CultureInfo.InvariantCulture)} }}");
        }

        w.Bool(1, "preload", "server.preload", model.Server.Preload);
        w.Bool(1, "forkWorker", "server.forkWorker", model.Server.ForkWorker ? true : null);
        // From Gemfile.lock (lint's LockedVersions): puma 5.1–6.0 notify only through the sd_notify gem.
        w.Bool(1, "sdNotifyGem", "server.sdNotifyGem", model.Server.SdNotifyGem ? true : null);
        w.Bool(1, "pruneBundler", "server.pruneBundler", model.Server.PruneBundler ? true : null);
        w.Key(1, "pidfile", "server.pidfile", model.Server.Pidfile);
        w.Int(1, "timeout", "server.timeout", model.Server.Timeout);
        if (model.Server.Binds is { } binds)
        {
            w.List(1, "binds", "server.binds", binds);
        }

        if (!model.Listen.IsEmpty)
        {
            w.Line("listen:");
            for (var i = 0; i < model.Listen.Length; i++)
            {
                var l = model.Listen[i];
                var uri = l.Address is TcpAddress { IsPortOnly: true } bare ? bare.Port.ToString(CultureInfo.InvariantCulture) : l.Address.PumaBind;
                if (l.Mode is null && l.Group is null)
                {
                    w.Raw(1, "-", $"listen[{i}]", Quote(uri), separator: " ");
                }
                else
                {
                    w.Raw(1, "- uri", $"listen[{i}]", Quote(uri));
                    w.Key(2, "mode", "listen[].mode", l.Mode);
                    w.Key(2, "group", "listen[].group", l.Group);
                }
            }
        }

        w.Raw(0, "restart", "restart", model.Restart.ToString().ToLowerInvariant());
        w.Line("systemd:");
        w.Raw(1, "socketActivation", "systemd.socketActivation", model.SocketActivation ? "true" : "false");
        w.Bool(1, "notify", "systemd.notify", model.Systemd.Notify ? true : null);
        w.Int(1, "watchdogSec", "systemd.watchdogSec", model.Systemd.WatchdogSec);
        w.Line("  # hardening: default   (the hand-written sandbox settings are replaced by a profile; see below)");
        w.Key(1, "stdout", "systemd.stdout", model.Systemd.Stdout);
        w.Key(1, "stderr", "systemd.stderr", model.Systemd.Stderr);
        w.List(1, "after", "systemd.after", model.Systemd.After);
        w.List(1, "wants", "systemd.wants", model.Systemd.Wants);
        w.List(1, "readWritePaths", "systemd.readWritePaths", model.Systemd.ReadWritePaths);
        if (model.Runit.LogDir is { } logDir)
        {
            w.Line("runit:");
            w.Key(1, "logDir", "runit.logDir", logDir);
        }

        if (!model.Processes.IsEmpty)
        {
            w.Line("processes:");
            foreach (var process in model.Processes)
            {
                var path = $"processes.{process.Name}";
                w.Line($"  {Quote(process.Name)}:");
                w.Raw(2, "type", $"{path}.type", process.Type.ToString().ToLowerInvariant());
                if (process.Version is { } processVersion)
                {
                    w.Key(2, "version", $"{path}.version", processVersion.ToString());
                }

                w.List(2, "command", $"{path}.command", process.Command);
                w.Key(2, "config", $"{path}.config", process.Config);
                w.Int(2, "instances", $"{path}.instances", process.Instances == 1 ? null : process.Instances);
                w.Int(2, "stopTimeout", $"{path}.stopTimeout", process.StopTimeout);
                w.Bool(2, "notify", $"{path}.notify", process.Notify ? true : null);
                w.Int(2, "watchdogSec", $"{path}.watchdogSec", process.WatchdogSec);
            }
        }

        if (imported.NotImported.Length > 0)
        {
            w.Line("# Not imported: UnitGen derives these itself or has no key for them. Each names its source line.");
            foreach (var n in imported.NotImported)
            {
                w.Line(OneLine($"# not imported: {n.Source}: {n.Text} — {n.Reason}"));
            }
        }

        return w.text.ToString();
    }

    /// <summary>A YAML double-quoted scalar that loads back to exactly <paramref name="value"/>.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var s = new StringBuilder("\"");
        foreach (var c in value)
        {
            s.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                < ' ' or '\u007f' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return s.Append('"').ToString();
    }

    private void Key(int indent, string key, string path, string? value)
    {
        if (value is not null)
        {
            Raw(indent, key, path, Quote(value));
        }
        else
        {
            Absent(indent, key, path);
        }
    }

    private void Int(int indent, string key, string path, int? value)
    {
        if (value is { } v)
        {
            Raw(indent, key, path, v.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            Absent(indent, key, path);
        }
    }

    private void Bool(int indent, string key, string path, bool? value)
    {
        if (value is { } v)
        {
            Raw(indent, key, path, v ? "true" : "false");
        }
        else
        {
            Absent(indent, key, path);
        }
    }

    private void List(int indent, string key, string path, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            Raw(indent, key, path, "[" + string.Join(", ", values.Select(Quote)) + "]");
        }
        else
        {
            Absent(indent, key, path);
        }
    }

    /// <summary>A key with no value: its note and its commented-out form, when the import has one.</summary>
    private void Absent(int indent, string key, string path)
    {
        if (imported.Notes.TryGetValue(path, out var note))
        {
            Comment(indent, note);
        }

        if (imported.CommentedKeys.TryGetValue(path, out var value))
        {
            Line(new string(' ', indent * 2) + "# " + OneLine(key + ": " + value) + Origin(path));
        }
    }

    /// <summary><c>key: literal  # from file(line)</c>, after the key's note.</summary>
    private void Raw(int indent, string key, string path, string literal, string separator = ": ")
    {
        if (imported.Notes.TryGetValue(path, out var note))
        {
            Comment(indent, note);
        }

        Line(new string(' ', indent * 2) + key + separator + literal + Origin(path));
    }

    /// <summary>The source lines of <paramref name="path"/> and of its items (<c>path[0]</c>, …).</summary>
    private string Origin(string path)
    {
        var lines = imported.Origins.Where(o => o.Key == path || (o.Key.StartsWith(path + "[", StringComparison.Ordinal) && !path.EndsWith(']')))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .SelectMany(o => o.Value)
            .Distinct()
            .ToList();
        return lines.Count == 0 ? string.Empty : "   # from " + string.Join(", ", lines);
    }

    private void Comment(int indent, string note) => Line(new string(' ', indent * 2) + "# " + OneLine(note));

    private static string OneLine(string value) => new([.. value.Select(c => char.IsControl(c) ? ' ' : c)]);

    private void Line(string line) => text.Append(line).Append('\n');
}
