using UnitGen.Model;

namespace UnitGen.Emitters;

/// <summary>Where each file lands in the output folder and where it is installed (DESIGN.md "Output layout").</summary>
public static class OutputPaths
{
    public static string Service(ServiceModel model) => $"systemd/{Require(model).Name}.service";

    public static string Socket(ServiceModel model) => $"systemd/{Require(model).Name}.socket";

    public static string EnvironmentFile(ServiceModel model) => $"env/{Require(model).Name}.env";

    public static string PumaConfig => "app/puma.rb";

    public static string UnicornConfig => "app/unicorn.rb";

    /// <summary>A file of the runit service folder, e.g. <c>run</c>, <c>log/run</c>, <c>env/KEY</c>.</summary>
    public static string RunitFile(ServiceModel model, string file) => $"runit/{Require(model).Name}/{file}";

    /// <summary>Install path of the server config: the model's, else next to the app.</summary>
    public static string InstalledServerConfig(ServiceModel model)
    {
        // A server without a config file of its own never passes one (no default command): the name is moot.
        var file = Require(model).Server.Profile.ConfigFileName ?? "puma.rb";
        return model.Server.Config ?? (model.Directory is null ? $"/etc/{model.Name}/{file}" : $"{model.Directory}/config/{file}");
    }

    private static ServiceModel Require(ServiceModel model) => model ?? throw new ArgumentNullException(nameof(model));
}
