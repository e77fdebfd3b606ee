using UnitGen.Model.Diagnostics;
using UnitGen.Model.Loading;

namespace UnitGen.Model.Rules.Values;

/// <summary>
/// A check of one value's range or form, with a loader code (UG0005–UG0007): the YAML loader only reads
/// shape and types, so a model built in C# and a model read from YAML are held to the same values.
/// <c>unitgen explain</c> describes these codes through <see cref="LoaderCodes.Descriptors"/>; each
/// finding carries its own fix, as the loader's diagnostics did.
/// </summary>
internal abstract class ValueRule : Rule
{
    public override Severity Severity => Severity.Error;

    public override string Title => LoaderCodes.Describe(Code).Title;

    public override string Fix => LoaderCodes.Describe(Code).Fix;

    public override string Explanation => LoaderCodes.Describe(Code).Explanation;
}
