using System.Text;
using UnitGen.Model.Diagnostics;
using UnitGen.Model.Fields;

namespace UnitGen.Model.Rules.Environment;

internal sealed class UG0510ArgumentTooLong : Rule
{
    /// <summary>MAX_ARG_STRLEN (linux/binfmts.h): 32 pages, including the terminating NUL.</summary>
    public const int MaxArgumentBytes = 32 * 4096 - 1;

    /// <summary>
    /// Half of the usual ARG_MAX (a quarter of the 8 MiB stack limit: 2 MiB), which argv shares with the
    /// environment; counted as execve does: each string with its NUL and its pointer.
    /// </summary>
    public const int MaxCommandBytes = 1 << 20;

    public override string Code => "UG0510";

    public override Severity Severity => Severity.Error;

    public override string Title => "An environment variable (NAME=value) or a command word over 128 KiB, or a command over 1 MiB: Linux refuses to start the server (E2BIG).";

    public override string Fix => "Pass large data as a file and put its path in the variable or argument.";

    public override string Explanation =>
        "execve(2) fails with E2BIG when one argument or environment string is longer than MAX_ARG_STRLEN (32 pages: " +
        "131072 bytes with its NUL, linux/binfmts.h), or when argv and the environment together pass ARG_MAX (a quarter " +
        "of the stack limit: 2 MiB by default; UnitGen allows the command half of it). systemd, chpst and the shell all exec the " +
        "server, so such a value can never reach it (seen with chpst -e: \"unable to run\").";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        var values = ModelFields.ValuesOf(model).ToList();
        foreach (var (path, value, _) in values.Where(v => v.Uses.HasFlag(FieldUse.EnvironmentEntry)))
        {
            if (Encoding.UTF8.GetByteCount(value) > MaxArgumentBytes)
            {
                yield return new Finding(path, $"`{path["environment.".Length..]}=…` has more than {MaxArgumentBytes} bytes; exec refuses it.");
            }
        }

        foreach (var (path, value, _) in values.Where(v => v.Uses.HasFlag(FieldUse.Argument)))
        {
            if (Encoding.UTF8.GetByteCount(value) > MaxArgumentBytes)
            {
                yield return new Finding(path, $"`{path}` has more than {MaxArgumentBytes} bytes; it is an argument of the server and exec refuses it.");
            }
        }

        foreach (var command in values.Where(v => v.Uses.HasFlag(FieldUse.ExecWord)).GroupBy(v => v.Path, StringComparer.Ordinal))
        {
            if (command.Any(w => Encoding.UTF8.GetByteCount(w.Value) > MaxArgumentBytes))
            {
                yield return new Finding(command.Key, $"A word of `{command.Key}` has more than {MaxArgumentBytes} bytes; exec refuses it.");
            }
            else if (command.Sum(w => (long)Encoding.UTF8.GetByteCount(w.Value) + 1 + IntPtr.Size) > MaxCommandBytes)
            {
                yield return new Finding(command.Key, $"`{command.Key}` has {command.Count()} words and more than {MaxCommandBytes} bytes with their pointers; exec refuses it.");
            }
        }
    }
}
