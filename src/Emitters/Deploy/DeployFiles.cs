using System.Collections.Immutable;
using UnitGen.Model;

namespace UnitGen.Emitters.Deploy;

/// <summary>
/// The files of <c>deploy:</c>: <c>bin/NAME-restart</c> always, <c>capistrano/NAME.rake</c> with
/// <c>deploy.capistrano</c>, <c>sudoers/NAME</c> with its <c>sudo: true</c>.
/// </summary>
internal static class DeployFiles
{
    /// <param name="model">The model.</param>
    /// <param name="others">The other generated files, which the Capistrano install task uploads.</param>
    public static ImmutableArray<EmittedFile> Emit(ServiceModel model, IEnumerable<EmittedFile> others)
    {
        ArgumentNullException.ThrowIfNull(model);
        var restart = RestartScriptEmitter.Emit(model);
        var files = ImmutableArray.CreateBuilder<EmittedFile>();
        files.Add(restart);
        if (model.Deploy?.Capistrano is { } capistrano)
        {
            files.Add(CapistranoTasksEmitter.Emit(model, [.. others, restart]));
            if (capistrano.Sudo)
            {
                files.Add(SudoersEmitter.Emit(model));
            }
        }

        return files.ToImmutable();
    }
}
