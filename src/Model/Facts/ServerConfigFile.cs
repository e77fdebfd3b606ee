namespace UnitGen.Model.Facts;

/// <summary>Where the generated server config is installed: the model's <c>server.config</c>, else beside the app.</summary>
internal static class ServerConfigFile
{
    public static string InstalledPath(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        // A server that writes no config of its own keeps the historical puma.rb name here (a command's -C is its own).
        var file = model.Server.Profile.ConfigFileName ?? "puma.rb";
        return model.Server.Config ?? (model.Directory is null ? $"/etc/{model.Name}/{file}" : $"{model.Directory}/config/{file}");
    }
}
