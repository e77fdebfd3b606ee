using System.Collections.Immutable;
using UnitGen.Model;

namespace UnitGen.Emitters.Install;

/// <summary>
/// What <c>unitgen install</c> runs on the host after the files are in place (DESIGN.md "CLI additions"): systemd
/// reads the new units, then `systemctl enable` links them into their WantedBy= targets. With <c>--root</c> the same
/// commands are printed for the host that will receive the tree.
/// </summary>
internal static class ActivationCommands
{
    /// <param name="model">The installed model.</param>
    /// <param name="unitFiles">File names of the installed units (e.g. <c>app.service</c>, <c>app-worker@.service</c>).</param>
    public static ImmutableArray<ImmutableArray<string>> For(ServiceModel model, IEnumerable<string> unitFiles)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(unitFiles);
        var units = EnabledUnits(model, unitFiles);
        if (units.IsEmpty)
        {
            return [];
        }

        return [["systemctl", "daemon-reload"], ["systemctl", "enable", .. units]];
    }

    /// <summary>The units `systemctl enable` (or `systemctl --user enable`) takes for the installed unit files.</summary>
    public static ImmutableArray<string> EnabledUnits(ServiceModel model, IEnumerable<string> unitFiles)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(unitFiles);
        return [.. unitFiles.SelectMany(file => Enabled(model, file))];
    }

    /// <summary>
    /// A template is enabled by its instances: `systemctl enable NAME-PROCESS@.service` fails when its WantedBy= is a
    /// plain target ("destination unit NAME.target is a non-template unit", systemd 252 src/shared/install.c), and the
    /// instance links (NAME.target.wants/NAME-PROCESS@N.service) are what starts the workers at boot.
    /// </summary>
    private static IEnumerable<string> Enabled(ServiceModel model, string unitFile)
    {
        var process = model.Processes.FirstOrDefault(p => OutputPaths.ProcessTemplate(model, p) == $"systemd/{unitFile}");
        return process is null
            ? [unitFile]
            : Enumerable.Range(1, process.Instances).Select(n => OutputPaths.ProcessInstanceUnit(model, process, n));
    }
}
