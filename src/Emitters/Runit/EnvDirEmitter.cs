using UnitGen.Model;

namespace UnitGen.Emitters.Runit;

/// <summary>
/// Model → <c>runit/NAME/env/KEY</c>, read by <c>chpst -e</c>: one file per variable holding the value
/// and a newline. chpst takes the first line, strips trailing spaces and tabs and turns NUL into
/// newline (runit <c>src/chpst.c</c> <c>edir</c>), so values with a line break, NUL or trailing blank
/// are refused before this runs (UG0502, UG0604). A file with just a newline sets an empty value;
/// an empty file would unset the variable.
/// </summary>
internal static class EnvDirEmitter
{
    public static IEnumerable<EmittedFile> Emit(ServiceModel model) => Emit(model, file => OutputPaths.RunitFile(model, file));

    /// <summary>The env/ files of one service folder; <paramref name="pathOf"/> places <c>env/KEY</c>.</summary>
    public static IEnumerable<EmittedFile> Emit(ServiceModel model, Func<string, string> pathOf) =>
        model.Environment.Select(v => new EmittedFile(pathOf($"env/{v.Name}"), v.Value + "\n", EmittedFile.Secret));
}
