using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Loading;

/// <summary>
/// Codes of I/O failures around a model, for the places that print a diagnostic rather than a usage line:
/// UnitGen.MSBuild (an MSBuild error needs a code) and the files a command writes.
/// </summary>
internal static class IoCodes
{
    public const string ModelUnreadable = "UG0008";
    public const string CannotWrite = "UG0009";

    public static readonly ImmutableArray<RuleDescriptor> Descriptors =
    [
        new(ModelUnreadable, Severity.Error, "The model file does not exist or cannot be read (dotnet build/publish with UnitGen.MSBuild).",
            "UnitGen.MSBuild reads unitgen.yaml beside the project, or the file the UnitGenConfig property names; without it nothing can be validated or generated.",
            "Create it with `unitgen init --type kestrel`, set the UnitGenConfig property to the model's path, or set UnitGenSkip=true to build without UnitGen."),
        new(CannotWrite, Severity.Error, "A generated file cannot be written (permissions, a full disk, a file where a folder belongs).",
            "Files are written atomically (temp file + rename in the same folder), so a failed write leaves the old file intact; nothing is half-written.",
            "Make the output folder writable by the user that runs the build or the tool, or choose another one."),
    ];
}
