using UnitGen.Formats.EnvironmentFiles;
using UnitGen.Model;

namespace UnitGen.Emitters.EnvironmentFiles;

/// <summary>Model → <c>env/NAME.env</c>, installed at the model's envFile; 0640, it may hold secrets.</summary>
internal static class EnvironmentFileEmitter
{
    public static EmittedFile Emit(ServiceModel model)
    {
        var env = new EnvironmentFileWriter(model.Name);
        foreach (var variable in model.Environment)
        {
            env.Variable(variable.Name, variable.Value);
        }

        return new EmittedFile(OutputPaths.EnvironmentFile(model), env.ToString(), EmittedFile.Secret);
    }
}
