using UnitGen.Model;

namespace UnitGen.Emitters;

/// <summary>Where each file lands in the output folder and where it is installed (DESIGN.md "Output layout").</summary>
internal static class OutputPaths
{
    public static string Service(ServiceModel model) => $"systemd/{Require(model).Name}.service";

    public static string Socket(ServiceModel model) => $"systemd/{Require(model).Name}.socket";

    /// <summary><c>systemd/NAME.target</c>: the whole app (web server and every process instance).</summary>
    public static string Target(ServiceModel model) => $"systemd/{TargetUnit(model)}";

    public static string TargetUnit(ServiceModel model) => $"{Require(model).Name}.target";

    /// <summary><c>systemd/NAME-PROCESS@.service</c>: one template for every instance of a process.</summary>
    public static string ProcessTemplate(ServiceModel model, ProcessSpec process) => $"systemd/{ProcessUnitPrefix(model, process)}@.service";

    /// <summary><c>NAME-PROCESS@N.service</c>: instance <paramref name="instance"/> of the template.</summary>
    public static string ProcessInstanceUnit(ServiceModel model, ProcessSpec process, int instance) =>
        $"{ProcessUnitPrefix(model, process)}@{instance.ToString(System.Globalization.CultureInfo.InvariantCulture)}.service";

    /// <summary>The runit folder of one instance: <c>NAME-PROCESS-N</c> (runit has no templates).</summary>
    public static string RunitProcessFolder(ServiceModel model, ProcessSpec process, int instance) =>
        $"{ProcessUnitPrefix(model, process)}-{instance.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static string EnvironmentFile(ServiceModel model) => $"env/{Require(model).Name}.env";

    /// <summary>The server's own config file (<c>app/puma.rb</c>), named by its profile; null when UnitGen writes none.</summary>
    public static string? ServerConfig(ServiceModel model) =>
        Require(model).Server.Profile.ConfigFileName is { } name ? $"app/{name}" : null;

    /// <summary>A file of the runit service folder, e.g. <c>run</c>, <c>log/run</c>, <c>env/KEY</c>.</summary>
    public static string RunitFile(ServiceModel model, string file) => $"runit/{Require(model).Name}/{file}";

    /// <summary>A file of an instance's runit folder, e.g. <c>runit/NAME-worker-1/run</c>.</summary>
    public static string RunitProcessFile(ServiceModel model, ProcessSpec process, int instance, string file) =>
        $"runit/{RunitProcessFolder(model, process, instance)}/{file}";

    /// <summary>Install path of the server config: the model's, else next to the app.</summary>
    public static string InstalledServerConfig(ServiceModel model) => UnitGen.Model.Facts.ServerConfigFile.InstalledPath(Require(model));

    private static string ProcessUnitPrefix(ServiceModel model, ProcessSpec process) =>
        $"{Require(model).Name}-{(process ?? throw new ArgumentNullException(nameof(process))).Name}";

    private static ServiceModel Require(ServiceModel model) => model ?? throw new ArgumentNullException(nameof(model));
}
