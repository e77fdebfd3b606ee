using System.Collections.Immutable;
using UnitGen.Model;

namespace UnitGen.Emitters.App;

/// <summary>The emitter of each server's own config file (<see cref="Model.Servers.ServerProfile.ConfigFileName"/>).</summary>
internal static class AppConfigEmitters
{
    private static readonly ImmutableDictionary<ServerType, Func<ServiceModel, EmittedFile>> ByType =
        new Dictionary<ServerType, Func<ServiceModel, EmittedFile>>
        {
            [ServerType.Puma] = PumaConfigEmitter.Emit,
            [ServerType.Unicorn] = UnicornConfigEmitter.Emit,
        }.ToImmutableDictionary();

    /// <returns>The emitter, or null for a server UnitGen writes no config for.</returns>
    public static Func<ServiceModel, EmittedFile>? For(ServerType type) => ByType.GetValueOrDefault(type);
}
