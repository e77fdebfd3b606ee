using System.Collections.Immutable;
using UnitGen.Formats.Systemd;

namespace UnitGen.Formats.EnvironmentFiles;

/// <summary>One assignment of an environment file, with where it was written.</summary>
public sealed record EnvironmentAssignment(string Name, string Value, int Line, int Column, bool HasExport);

/// <summary>A parsed environment file (systemd EnvironmentFile= format, also read for dotenv files).</summary>
public sealed record EnvironmentFile(ImmutableArray<EnvironmentAssignment> Assignments, ImmutableArray<UnitSyntaxIssue> Issues);
