using UnitGen.Model.Loading;

namespace UnitGen.Model.Rules.Values;

/// <summary>
/// At most <see cref="ModelLoader.MaxSockets"/> sockets in <c>listen</c> or <c>server.binds</c>: the
/// socket rules compare every two, so their cost grows with the square of the count.
/// </summary>
internal sealed class SocketCountRule : ValueRule
{
    public override string Code => LoaderCodes.InputLimit;

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Listen.Length > ModelLoader.MaxSockets)
        {
            yield return TooMany("listen", model.Listen.Length);
        }

        if (model.Server.Binds is { Length: > ModelLoader.MaxSockets } binds)
        {
            yield return TooMany("server.binds", binds.Length);
        }
    }

    /// <summary>Reported at the first socket over the limit.</summary>
    private static Finding TooMany(string path, int count) =>
        new($"{path}[{ModelLoader.MaxSockets}]", $"`{path}` lists {count} sockets; a model has at most {ModelLoader.MaxSockets}.")
        {
            Fix = "One model describes one service; split fleets into one file per service.",
        };
}
