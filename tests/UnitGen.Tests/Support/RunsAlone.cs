namespace UnitGen.Tests.Support;

/// <summary>Tests that time a child process: xunit runs this collection with no other test beside it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Timed";
}
