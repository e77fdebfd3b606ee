using System.Text;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Environment;

public sealed class UG0510ArgumentTooLong : Rule
{
    /// <summary>MAX_ARG_STRLEN (linux/binfmts.h): 32 pages, including the terminating NUL.</summary>
    public const int MaxArgumentBytes = 32 * 4096 - 1;

    public override string Code => "UG0510";

    public override Severity Severity => Severity.Error;

    public override string Title => "An environment variable (NAME=value) or a command word over 128 KiB: Linux refuses to start the server (E2BIG).";

    public override string Fix => "Pass large data as a file and put its path in the variable or argument.";

    public override string Explanation =>
        "execve(2) fails with E2BIG when one argument or environment string is longer than MAX_ARG_STRLEN (32 pages: " +
        "131072 bytes with its NUL, linux/binfmts.h), whatever the total. systemd, chpst and the shell all exec the " +
        "server, so such a value can never reach it (seen with chpst -e: \"unable to run\").";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        foreach (var v in model.Environment)
        {
            if (Encoding.UTF8.GetByteCount(v.Name) + 1 + Encoding.UTF8.GetByteCount(v.Value) > MaxArgumentBytes)
            {
                yield return new Finding($"environment.{v.Name}", $"`{v.Name}=…` has more than {MaxArgumentBytes} bytes; exec refuses it.");
            }
        }

        if (model.Server.Command.Any(w => Encoding.UTF8.GetByteCount(w) > MaxArgumentBytes))
        {
            yield return new Finding("server.command", $"A word of `server.command` has more than {MaxArgumentBytes} bytes; exec refuses it.");
        }
    }
}
