using System.Text.RegularExpressions;

namespace Labelforge.Core.LabelingFunctions.Functions;

/// <summary>Votes <see cref="Label"/> when <see cref="Pattern"/> matches the text (a match timeout is a fault).</summary>
public sealed class RegexFunction(string name, Regex pattern, int label, string fingerprint)
    : LabelingFunction(name, "regex", fingerprint)
{
    public Regex Pattern { get; } = pattern;

    public int Label { get; } = label;

    public override bool ReadsFields => false;

    public override int Apply(LabelingFunctionDocument document) =>
        Pattern.IsMatch(document.Text) ? Label : Engine.LabelIndex.Abstain;
}
