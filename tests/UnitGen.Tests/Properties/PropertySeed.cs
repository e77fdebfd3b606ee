using System.Globalization;
using FsCheck;
using Microsoft.FSharp.Core;

namespace UnitGen.Tests.Properties;

/// <summary>
/// The random seed of a property run: new for every run, printed in the test output, and replayed
/// with <c>UNITGEN_FSCHECK_REPLAY=seed,gamma</c>. <c>UNITGEN_FSCHECK_CASES</c> changes the number of
/// cases per property (default and minimum in CI: 1,000).
/// </summary>
public sealed record PropertySeed(ulong Seed, ulong Gamma)
{
    public const string ReplayVariable = "UNITGEN_FSCHECK_REPLAY";

    public const string CasesVariable = "UNITGEN_FSCHECK_CASES";

    public static int Cases =>
        int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1000;

    public static PropertySeed Current()
    {
        var replay = Environment.GetEnvironmentVariable(ReplayVariable);
        if (!string.IsNullOrEmpty(replay))
        {
            var parts = replay.Split(',');
            Assert.True(parts.Length == 2, $"{ReplayVariable} must be `seed,gamma`, not `{replay}`.");
            return new PropertySeed(ulong.Parse(parts[0], CultureInfo.InvariantCulture), ulong.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        var rnd = new Rnd((ulong)Random.Shared.NextInt64());
        return new PropertySeed(rnd.Seed, rnd.Gamma);
    }

    /// <summary>An independent, replayable stream per field: the run's seed mixed with the field's name.</summary>
    public Rnd For(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var hash = 14695981039346656037UL;
        foreach (var c in field)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return new Rnd(Seed ^ hash, Gamma);
    }

    /// <summary>FsCheck's configuration for one field: this seed, <see cref="Cases"/> cases, throw on failure.</summary>
    public Config Config(string field) =>
        FsCheck.Config.QuickThrowOnFailure
            .WithMaxTest(Cases)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(For(field), FSharpOption<int>.None)));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ReplayVariable}={Seed},{Gamma}");
}
