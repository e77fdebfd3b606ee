namespace UnitGen.Model.Rules.UnitHygiene;

/// <summary>
/// Unicode noncharacters (U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every plane): systemd 252's
/// <c>unichar_is_valid</c> (src/basic/utf8.c) refuses them, so a unit value holding one is "not UTF-8
/// clean" and the whole assignment is ignored (seen with systemd-analyze verify on an ExecStart=).
/// </summary>
internal static class NonCharacters
{
    public static bool In(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is >= 0xFDD0 and <= 0xFDEF || (rune.Value & 0xFFFE) == 0xFFFE)
            {
                return true;
            }
        }

        return false;
    }
}
