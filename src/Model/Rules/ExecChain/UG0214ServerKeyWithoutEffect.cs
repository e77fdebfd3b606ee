using System.Collections;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Fields;

namespace UnitGen.Model.Rules.ExecChain;

internal sealed class UG0214ServerKeyWithoutEffect : Rule
{
    public override string Code => "UG0214";

    public override Severity Severity => Severity.Warning;

    /// <summary>Lint fills <c>server.</c> keys from what hand-written files say (a <c>-C</c> path), for other rules to judge.</summary>
    public override bool ModelOnly => true;

    public override string Title => "A `server` key the server type never reads: UnitGen writes it nowhere and no check uses it, so the setting silently does nothing.";

    public override string Fix => "Remove the key, or set `server.type` to the server it was meant for.";

    public override string Explanation =>
        "Each server type's profile lists the `server` keys that change its files or the rules that judge it " +
        "(src/Model/Servers). The others are accepted by the schema, because they are valid for some server, but do " +
        "nothing for this one: `threads` for unicorn (one request per worker, unicorn 6.0.0 has no thread pool), " +
        "`timeout` for puma (UnitGen writes no worker_timeout; the drain is puma's worker_shutdown_timeout), " +
        "`workers` or `preload` for Kestrel, `environment` for unicorn (UnitGen passes no -E; set RACK_ENV in " +
        "`environment:`). A setting that looks applied but is not is how a tuning change gets lost.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var profile = model.Server.Profile;
        foreach (var field in ModelFields.All.Where(f => f.Section == "server" && f.Key != "type" && !profile.ServerKeys.Contains(f.Key)))
        {
            if (IsSet(model, field))
            {
                yield return new Finding($"server.{field.Key}", $"`server.{field.Key}` has no effect on {profile.Name}: nothing UnitGen writes or checks for {profile.Name} reads it.");
            }
        }
    }

    /// <summary>A key with a value (a section: one of its keys).</summary>
    private static bool IsSet(ServiceModel model, ModelField field) => field.Type == FieldType.Section
        ? ModelFields.All.Where(f => f.Section == field.Path).Any(f => IsSet(model, f))
        : field.Read?.Invoke(model) switch
        {
            null => false,
            ICollection { Count: 0 } => false,
            _ => true,
        };
}
