namespace UnitGen.Tests.Properties;

/// <summary>Which real programs judge a field's generated text.</summary>
[Flags]
public enum Judges
{
    None = 0,
    /// <summary><c>systemd-analyze verify</c> on the .service/.socket.</summary>
    Systemd = 1,
    /// <summary>The runit scripts under <c>sh</c> with stub <c>chpst</c>, and the envdir files.</summary>
    Shell = 2,
    /// <summary>puma.rb/unicorn.rb loaded by <c>ruby</c> into a recording stub DSL.</summary>
    Ruby = 4,
}
