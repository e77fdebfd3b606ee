namespace UnitGen.Model;

public enum Supervisor
{
    Systemd,
    Runit,
}
