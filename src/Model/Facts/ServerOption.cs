namespace UnitGen.Model.Facts;

/// <summary>What an option of the server's own command line means to the files UnitGen generates.</summary>
internal enum ServerOptionRole
{
    /// <summary>Anything UnitGen does not compare with the model.</summary>
    Other,

    /// <summary>Loads a config file (puma <c>-C</c>, unicorn <c>-c</c>).</summary>
    Config,

    /// <summary>Puma <c>--no-config</c>: loads no config file at all.</summary>
    NoConfig,

    /// <summary>A full address to listen on (puma <c>-b URI</c>, unicorn <c>-l HOST:PORT|PATH</c>).</summary>
    Bind,

    /// <summary>A port on the server's default host (puma <c>-p</c>: 0.0.0.0; unicorn <c>-p</c> with <c>-o</c>).</summary>
    Port,

    /// <summary>Unicorn <c>-o HOST</c>: the host of the <c>-o</c>/<c>-p</c> listener.</summary>
    Host,
}

/// <summary>Whether an option takes a value (OptionParser: required <c>--x VALUE</c>, optional <c>--x [VALUE]</c>).</summary>
internal enum OptionValue
{
    None,
    Required,
    Optional,
}

/// <summary>One option of a server's command line, as its OptionParser declares it.</summary>
/// <param name="Letter">The one-letter form without the dash, or null.</param>
/// <param name="Name">The long form without the dashes.</param>
/// <param name="Value">Whether it takes a value.</param>
/// <param name="Role">What it decides for UnitGen's files.</param>
/// <param name="ModelKey">The <c>server.</c> key its value sets when a command line is imported (a Procfile); null when none.</param>
internal sealed record ServerOption(char? Letter, string Name, OptionValue Value, ServerOptionRole Role = ServerOptionRole.Other, string? ModelKey = null);
