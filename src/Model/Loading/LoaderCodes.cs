using System.Collections.Immutable;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Loading;

/// <summary>Codes of problems found while reading <c>unitgen.yaml</c>, before any rule runs.</summary>
internal static class LoaderCodes
{
    public const string Syntax = "UG0001";
    public const string UnknownKey = "UG0002";
    public const string WrongType = "UG0003";
    public const string NotAllowed = "UG0004";
    public const string Missing = "UG0005";
    public const string InvalidValue = "UG0006";
    public const string InputLimit = "UG0007";

    public static readonly ImmutableArray<RuleDescriptor> Descriptors =
    [
        new(Syntax, Severity.Error, "The file is not valid YAML, or a key appears twice in one mapping.",
            "The YAML parser stopped at this position; nothing of the model could be trusted after it. " +
            "A duplicate key is an error because YAML libraries disagree on which value wins.",
            "Fix the YAML at the reported line and column."),
        new(UnknownKey, Severity.Error, "A key that the model does not know.",
            "Unknown keys are hard errors (as in podman quadlet): a misspelled key would otherwise be ignored " +
            "and its default silently used, e.g. `preloda: false` leaving preload on.",
            "Use the suggested key, or see `unitgen schema` for every key."),
        new(WrongType, Severity.Error, "A value of the wrong kind (a list where a string belongs, a quoted number, `yes` for a boolean).",
            "Booleans are `true`/`false` only and numbers are plain, so that YAML 1.1 surprises (`no` → false, `0660` → octal) never reach a unit file.",
            "Write the value in the form the message names."),
        new(NotAllowed, Severity.Error, "A value outside the allowed set (server type, restart strategy, supervisor, hardening profile).",
            "Each of these values selects generated behaviour; an unknown one has no meaning.",
            "Use one of the listed values."),
        new(Missing, Severity.Error, "A required key is missing (name, user, server, server.type), or the file is empty.",
            "The unit name, the user the service runs as and the server type cannot be guessed.",
            "Add the key."),
        new(InvalidValue, Severity.Error, "A value of the right kind that cannot be used: a bad service name, port, socket address, relative path, mode or version.",
            "systemd and runit resolve nothing relative to a project directory, ports are 1-65535, and the service name becomes a unit and a directory name.",
            "Change the value as the message says."),
        new(InputLimit, Severity.Error, "The input is over a limit: larger than 1 MiB, nested deeper than 16 levels, more than 4096 values or 64 sockets in one list, or using YAML anchors/aliases.",
            "A model is a page of YAML. Limits keep hostile input (alias bombs, huge files) from costing time or memory.",
            "Write the values out plainly; split fleets into one file per service."),
    ];

    /// <summary>The descriptor of one loader code (the value rules of <c>Rules/Values</c> report these codes too).</summary>
    public static RuleDescriptor Describe(string code) => Descriptors.Single(d => d.Code == code);
}
