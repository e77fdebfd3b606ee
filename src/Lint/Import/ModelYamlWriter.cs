using System.Globalization;
using System.Text;
using UnitGen.Model;

namespace UnitGen.Lint.Import;

/// <summary>
/// Writes a model as <c>unitgen.yaml</c> for <c>unitgen import</c>. Every string is a double-quoted
/// YAML scalar with <c>\</c>, <c>"</c> and control characters escaped, so the file loads back to the
/// same values; what the import could not carry over is written as comments where it belongs.
/// </summary>
public sealed class ModelYamlWriter
{
    private readonly StringBuilder text = new();

    public static string Write(ServiceModel model, IReadOnlyList<string> notCarried)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(notCarried);
        var w = new ModelYamlWriter();
        w.Line("# Imported by `unitgen import`. Review every comment, then `unitgen validate` and `unitgen generate`.");
        w.Key(0, "name", model.Name);
        w.Key(0, "description", model.Description);
        w.Key(0, "user", model.User);
        if (model.AllowRoot)
        {
            w.Raw(0, "allowRoot", "true");
        }

        w.Key(0, "group", model.Group);
        w.Key(0, "directory", model.Directory);
        if (!model.Environment.IsEmpty)
        {
            w.Line("environment:");
            foreach (var v in model.Environment)
            {
                w.Key(1, v.Name, v.Value);
            }
        }

        w.Key(0, "envFile", model.EnvFile);
        w.Line("server:");
        w.Raw(1, "type", model.Server.Type.ToString().ToLowerInvariant());
        if (model.Server.Version is null && model.Server.Type is ServerType.Puma or ServerType.Unicorn)
        {
            w.Line("  # version: \"x.y.z\"   unknown from the files; version-aware rules assume the riskier behaviour until set.");
        }

        if (!model.Server.Command.IsEmpty)
        {
            w.Line("  command: [" + string.Join(", ", model.Server.Command.Select(Quote)) + "]");
        }

        if (model.Server.Command.Contains("bundle") && model.Server.Bundler is null)
        {
            w.Line("  # bundler: \"x.y.z\"   unknown from the files; set it (>= 2.2.26 keeps socket fds by default).");
        }

        w.Key(1, "config", model.Server.Config);
        if (model.Server.Workers is { } workers)
        {
            w.Raw(1, "workers", workers.ToString(CultureInfo.InvariantCulture));
        }

        if (model.Server.Preload is { } preload)
        {
            w.Raw(1, "preload", preload ? "true" : "false");
        }

        if (model.Server.ForkWorker)
        {
            w.Raw(1, "forkWorker", "true");
        }

        if (model.Server.Timeout is { } timeout)
        {
            w.Raw(1, "timeout", timeout.ToString(CultureInfo.InvariantCulture));
        }

        if (model.Server.Binds is { } binds)
        {
            w.Line("  binds: [" + string.Join(", ", binds.Select(Quote)) + "]");
        }

        if (!model.Listen.IsEmpty)
        {
            w.Line("listen:");
            foreach (var l in model.Listen)
            {
                var uri = l.Address is TcpAddress { IsPortOnly: true } bare ? bare.Port.ToString(CultureInfo.InvariantCulture) : l.Address.PumaBind;
                if (l.Mode is null && l.Group is null)
                {
                    w.Line("  - " + Quote(uri));
                }
                else
                {
                    w.Line("  - uri: " + Quote(uri));
                    w.Key(2, "mode", l.Mode);
                    w.Key(2, "group", l.Group);
                }
            }
        }

        w.Raw(0, "restart", model.Restart.ToString().ToLowerInvariant());
        w.Line("systemd:");
        w.Raw(1, "socketActivation", model.SocketActivation ? "true" : "false");
        if (model.Systemd.Notify)
        {
            w.Raw(1, "notify", "true");
        }

        if (model.Systemd.WatchdogSec is { } watchdog)
        {
            w.Raw(1, "watchdogSec", watchdog.ToString(CultureInfo.InvariantCulture));
        }

        w.Line("  # hardening: default   (the hand-written sandbox settings are replaced by a profile; see below)");
        w.Key(1, "stdout", model.Systemd.Stdout);
        w.Key(1, "stderr", model.Systemd.Stderr);
        if (notCarried.Count > 0)
        {
            w.Line("# Not carried over (UnitGen derives these, or has no key for them):");
            foreach (var n in notCarried)
            {
                w.Line("#   " + n.Replace('\n', ' ').Replace('\r', ' '));
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

    private void Key(int indent, string key, string? value)
    {
        if (value is not null)
        {
            Raw(indent, key, Quote(value));
        }
    }

    private void Raw(int indent, string key, string literal) => Line(new string(' ', indent * 2) + key + ": " + literal);

    private void Line(string line) => text.Append(line).Append('\n');
}
