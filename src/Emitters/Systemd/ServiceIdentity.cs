using UnitGen.Formats.Systemd;
using UnitGen.Model;

namespace UnitGen.Emitters.Systemd;

/// <summary>
/// What every service of one app shares — web server and workers alike: the user and group, the
/// working directory and the environment file (DESIGN.md: processes share the app's user, directory
/// and environment).
/// </summary>
internal static class ServiceIdentity
{
    public static void Write(SystemdUnitWriter unit, ServiceModel model)
    {
        unit.Value("User", model.User);
        if (model.Group is { } group)
        {
            unit.Value("Group", group);
        }

        if (model.Directory is { } dir)
        {
            unit.Value("WorkingDirectory", dir);
        }

        if (!model.Environment.IsEmpty)
        {
            unit.Value("EnvironmentFile", model.EnvFilePath);
        }
    }
}
