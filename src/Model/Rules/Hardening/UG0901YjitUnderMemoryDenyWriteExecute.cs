using UnitGen.Model.Diagnostics;
using UnitGen.Model.Facts;

namespace UnitGen.Model.Rules.Hardening;

internal sealed class UG0901YjitUnderMemoryDenyWriteExecute : Rule
{
    public override string Code => "UG0901";

    public override Severity Severity => Severity.Error;

    public override string Title => "YJIT is turned on while the model says the runtime needs no writable+executable memory: MemoryDenyWriteExecute=yes makes ruby abort at boot.";

    public override string Fix => "Drop `server.yjit: false` (or say `yjit: true`) so UnitGen leaves MemoryDenyWriteExecute= out, or remove the YJIT switch.";

    public override string Explanation =>
        "YJIT (Ruby 3.1+) writes machine code and then makes its pages executable. Under MemoryDenyWriteExecute=yes " +
        "that mprotect is refused and ruby aborts: \"Couldn't make JIT page … executable\", status 134 (measured with " +
        "systemd 252 and Debian 12's ruby 3.1.2). UnitGen writes MemoryDenyWriteExecute=yes only where the model says " +
        "the runtime never needs such memory: `server.yjit: false`, or `server.ruby` before 3.1 (systemd.exec(5)). " +
        "RUBY_YJIT_ENABLE turns YJIT on when it is set at all on Ruby 3.1 (measured: even \"0\"); `--yjit`, " +
        "`--yjit-…` and `--enable=yjit` do so in RUBYOPT or on the command line.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (!model.Supervises(Supervisor.Systemd) || model.Systemd.Hardening == HardeningProfile.None
            || !RubyFacts.NeverNeedsWriteExecute(model.Server) || RubyFacts.YjitSwitch(model) is not { } on)
        {
            yield break;
        }

        var says = model.Server.Yjit == false ? "`server.yjit: false`" : $"`server.ruby: {model.Server.Ruby}` (no YJIT before 3.1)";
        yield return new Finding(on.Path, $"`{on.Text}` turns YJIT on, but {says} makes UnitGen write MemoryDenyWriteExecute=yes: ruby aborts at boot (\"Couldn't make JIT page … executable\").");
    }
}
