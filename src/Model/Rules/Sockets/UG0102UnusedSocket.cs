using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Sockets;

internal sealed class UG0102UnusedSocket : Rule
{
    public override string Code => "UG0102";

    public override Severity Severity => Severity.Warning;

    public override string Title => "A ListenStream no bind uses: puma closes it at boot (and unlinks a unix path).";

    public override string Fix => "Add a matching bind, or remove the listen entry.";

    public override string Explanation =>
        "After binding, puma closes every inherited socket no bind claimed and logs \"Closing unused activated socket\" " +
        "(puma lib/puma/binder.rb, parse). Clients connecting there get connection refused.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (!model.SocketActivation || model.Server.Binds is not { } binds || !model.Server.IsPuma)
        {
            yield break;
        }

        var used = binds.Select(BindKeys.OfBind).OfType<string>().ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < model.Listen.Length; i++)
        {
            if (!used.Contains(BindKeys.OfListen(model.Listen[i].Address)))
            {
                yield return new Finding($"listen[{i}].uri", $"No bind uses `{model.Listen[i].Address.ListenStream}`: puma logs \"Closing unused activated socket\" and closes it at boot, so connections there are refused.");
            }
        }
    }
}
