using UnitGen.Formats.Systemd;
using UnitGen.Model;

namespace UnitGen.Emitters.Systemd;

/// <summary>Model → <c>systemd/NAME.socket</c>: one ListenStream= per listen entry, as the app's binds.</summary>
internal static class SocketUnitEmitter
{
    public static EmittedFile Emit(ServiceModel model)
    {
        var unit = new SystemdUnitWriter(model.Name);
        unit.Section("Unit");
        unit.Value("Description", $"{model.Description ?? model.Name} (sockets)");

        unit.Section("Socket");
        foreach (var listener in model.Listen)
        {
            unit.Value("ListenStream", listener.Address.ListenStream);
        }

        // SocketMode=/SocketGroup= apply to every unix socket of the unit (systemd.socket(5)); the
        // first listener that sets them decides, and UG0108 asks for one setting per model.
        var unix = model.Listen.Where(l => l.Address is UnixAddress).ToList();
        if (unix.FirstOrDefault(l => l.Mode is not null)?.Mode is { } mode)
        {
            unit.Value("SocketMode", mode);
        }

        if (unix.FirstOrDefault(l => l.Group is not null)?.Group is { } group)
        {
            unit.Value("SocketGroup", group);
        }

        ExtraDirectives.Write(unit, model, "Socket");

        unit.Section("Install");
        unit.Value("WantedBy", "sockets.target");
        return new EmittedFile(OutputPaths.Socket(model), unit.ToString(), EmittedFile.Readable);
    }
}
