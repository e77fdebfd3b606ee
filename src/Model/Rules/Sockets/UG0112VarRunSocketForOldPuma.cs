using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Sockets;

internal sealed class UG0112VarRunSocketForOldPuma : Rule
{
    /// <summary>puma 5.4.0 also looks up an activated unix socket by File.realdirpath (#2643, fixing #2638).</summary>
    public static readonly Version FindsRealPath = new(5, 4, 0);

    public override string Code => "UG0112";

    public override Severity Severity => Severity.Error;

    public override string Title => "A socket-activated unix socket under /var/run/ with puma < 5.4: systemd creates it as /run/…, puma does not recognise it and fails to bind.";

    public override string Fix => "Use the path under /run/ in both the socket and the bind, or puma 5.4 or newer.";

    public override string Explanation =>
        "systemd rewrites ListenStream=/var/run/x to /run/x (systemd 252 src/core/load-fragment.c patch_var_run). Puma before " +
        "5.4 looks up activated sockets by the bind's path as written, `@activated_sockets.delete([ :unix, path ])`, so " +
        "unix:///var/run/x does not match the socket systemd passed as /run/x; puma closes it as unused and binds the path " +
        "itself, where systemd's socket already is (\"There is already a server bound to\"). Puma 5.4.0 also tries " +
        "File.realdirpath(path) (lib/puma/binder.rb, puma#2643 fixing puma#2638). An unknown puma version is treated as older.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.Server.IsPuma || !model.SocketActivation || model.Server.Version is { } v && v >= FindsRealPath)
        {
            yield break;
        }

        for (var i = 0; i < model.Listen.Length; i++)
        {
            if (model.Listen[i].Address is UnixAddress { Path: var path } && path.StartsWith("/var/run/", StringComparison.Ordinal))
            {
                var version = model.Server.Version is { } known ? $"puma {known}" : "puma of unknown version";
                yield return new Finding($"listen[{i}]", $"`{path}` is created as `/run/{path["/var/run/".Length..]}`: {version} matches activated sockets by the path as written and binds `{path}` itself.");
            }
        }
    }
}
