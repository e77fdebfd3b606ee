namespace UnitGen.Model.Facts;

/// <summary>Facts about the app's server that depend on the whole model (the server type's own are its profile, <see cref="Servers.ServerProfile"/>).</summary>
internal static class ServerFacts
{
    /// <summary>The binds the app uses: the model's own, else exactly one per <c>listen</c> socket.</summary>
    public static IReadOnlyList<string> AppBinds(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Server.Binds is { } binds ? binds : [.. model.Listen.Select(l => l.Address.PumaBind)];
    }
}
