using UnitGen.Cli.Commands;

namespace UnitGen.Cli;

/// <summary>
/// Reads the one command line that runs most often — <c>generate MODEL [--out|-o DIR] [--check]</c> —
/// by hand, so a cold <c>unitgen generate</c> does not build and JIT the whole System.CommandLine tree
/// (about a tenth of its start-up). Anything else, including every error, help, response files and
/// the <c>--opt=value</c> spellings, is left to System.CommandLine, so messages and exit codes stay its own.
/// </summary>
internal static class GenerateFastPath
{
    public sealed record Request(string Model, string Out, bool Check);

    /// <returns>The request, or null when System.CommandLine must read <paramref name="args"/>.</returns>
    public static Request? TryParse(IReadOnlyList<string> args)
    {
        if (args.Count < 2 || args[0] != "generate")
        {
            return null;
        }

        string? model = null;
        string? output = null;
        var check = false;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--out" or "-o" when output is null && i + 1 < args.Count && IsPlainValue(args[i + 1]):
                    output = args[++i];
                    break;
                case "--check" when !check:
                    check = true;
                    break;
                // System.CommandLine would read `--check true` as the option's value; leave such lines to it.
                case var _ when model is null && IsPlainValue(arg) && !bool.TryParse(arg, out _):
                    model = arg;
                    break;
                default:
                    return null;
            }
        }

        return model is null ? null : new Request(model, output ?? GenerateCommand.DefaultOut, check);
    }

    /// <summary>
    /// A token System.CommandLine takes literally: not an option, not a response file (<c>@file</c>),
    /// not a directive (<c>[name]</c>), not empty.
    /// </summary>
    private static bool IsPlainValue(string token) =>
        token.Length > 0 && token[0] is not ('-' or '@' or '[');
}
