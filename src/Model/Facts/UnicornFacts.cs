namespace UnitGen.Model.Facts;

/// <summary>Unicorn behaviour that rules and emitters share, each checked in unicorn 6.0's source.</summary>
internal static class UnicornFacts
{
    /// <summary>
    /// unicorn <c>lib/unicorn/configurator.rb</c> DEFAULTS: one worker, no preload. Both are written
    /// out explicitly so the file says what runs.
    /// </summary>
    public const int DefaultWorkers = 1;

    /// <summary>
    /// The master's pid file: the model's, else <c>DIRECTORY/tmp/pids/unicorn.pid</c> (DESIGN.md); null
    /// when the model has neither. A USR2 upgrade renames it to <c>PID.oldbin</c> and the new master
    /// writes its own (unicorn <c>lib/unicorn/http_server.rb</c> <c>reexec</c>, <c>pid=</c>): it is how
    /// the old master is retired and how a runit wrapper finds the new master.
    /// </summary>
    public static string? Pidfile(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Server.Pidfile ?? (model.Directory is { } dir ? $"{dir.TrimEnd('/')}/tmp/pids/unicorn.pid" : null);
    }

    public static int Workers(ServiceModel model) => Require(model).Server.Workers ?? DefaultWorkers;

    /// <summary>unicorn's own default is <c>preload_app false</c>.</summary>
    public static bool Preload(ServiceModel model) => Require(model).Server.Preload ?? false;

    private static ServiceModel Require(ServiceModel model) => model ?? throw new ArgumentNullException(nameof(model));
}
