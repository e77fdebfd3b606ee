using System.Text.RegularExpressions;
using UnitGen.Model.Loading;

namespace UnitGen.Model.Rules.Values;

/// <summary>
/// <c>SocketMode=</c> is an octal access mode; <c>rw</c> or <c>660</c> written
/// as a YAML number would make systemd refuse the socket unit.
/// </summary>
internal sealed partial class SocketModeRule : ValueRule
{
    public override string Code => LoaderCodes.InvalidValue;

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Listen.Length > ModelLoader.MaxSockets)
        {
            yield break;
        }

        for (var i = 0; i < model.Listen.Length; i++)
        {
            if (model.Listen[i].Mode is { } mode && !ModePattern().IsMatch(mode))
            {
                yield return new Finding($"listen[{i}].mode", $"Socket mode `{mode}` is not an octal file mode.")
                {
                    Fix = "Write it quoted, as four octal digits: `mode: \"0660\"`.",
                };
            }
        }
    }

    [GeneratedRegex(@"^0?[0-7]{3}\z")]
    private static partial Regex ModePattern();
}
