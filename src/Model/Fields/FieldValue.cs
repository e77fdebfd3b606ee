namespace UnitGen.Model.Fields;

/// <summary>
/// One text value of a model at its concrete path (<c>listen[0].mode</c>), with the uses that apply to
/// this value: a TCP <c>listen[].uri</c> is a unit value, a unix one is a path as well.
/// </summary>
internal readonly record struct FieldValue(string Path, string Value, FieldUse Uses);
