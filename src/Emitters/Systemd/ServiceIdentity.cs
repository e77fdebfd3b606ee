using UnitGen.Formats.Systemd;
using UnitGen.Model;
using UnitGen.Model.Facts;

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
        if (model.IsUserScope())
        {
            // A user manager already runs as the model's user and cannot switch: systemd.exec(5) of 252, "USER/GROUP
            // IDENTITY": "only available for system services and are not supported for services running in per-user
            // instances of the service manager"; User=/Group= "switching user identity is not permitted" (UG0742).
            unit.Comment($"User scope: runs as {model.User} under {model.User}'s own service manager (systemctl --user); no User=/Group=.");
        }
        else
        {
            unit.Value("User", model.User);
            if (model.Group is { } group)
            {
                unit.Value("Group", group);
            }
        }

        if (model.Directory is { } dir)
        {
            unit.Value("WorkingDirectory", dir);
        }

        if (!model.Environment.IsEmpty)
        {
            if (ServiceManagerFacts.UserEnvFileUnderHome(model) is { } underHome)
            {
                unit.ValueUnderHome("EnvironmentFile", underHome);
            }
            else
            {
                unit.Value("EnvironmentFile", model.EnvFilePath);
            }
        }
    }
}
