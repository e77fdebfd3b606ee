namespace UnitGen.Hosting;

/// <summary>
/// Settings of <c>builder.UseUnitGen()</c>. Also read from configuration section <c>UnitGen</c>
/// (e.g. the environment variable <c>UnitGen__Drain=00:00:01</c> in the unit's env file).
/// </summary>
public sealed class UnitGenHostingOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string Section = "UnitGen";

    /// <summary>
    /// How long Kestrel waits, after it stopped accepting, before it closes connections whose first
    /// request has not arrived yet. A client accepted an instant before the stop has its request on
    /// the way; without this pause it gets an empty response. Requests already running then finish
    /// within the host's <c>HostOptions.ShutdownTimeout</c> (30 s unless set), which the generated
    /// unit's TimeoutStopSec= exceeds. <see cref="TimeSpan.Zero"/> turns the pause off.
    /// </summary>
    public TimeSpan Drain { get; set; } = TimeSpan.FromMilliseconds(500);
}
