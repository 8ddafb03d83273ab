using System.Text.RegularExpressions;
using Labelforge.Engine.Spans;

namespace Labelforge.Core.LabelingFunctions.Functions;

/// <summary>
/// Votes <see cref="Label"/> when <see cref="Pattern"/> matches the text (a match timeout is a fault). As spans, every
/// non-empty match is one span, or only its capture <see cref="Group"/> when one is named (a number or a name), so
/// context can decide a match without being part of the entity: <c>(?:Mr|Ms)\. (?&lt;name&gt;[A-Z]\w+)</c>.
/// </summary>
public sealed class RegexFunction(string name, Regex pattern, int label, string fingerprint, string? group = null)
    : LabelingFunction(name, "regex", fingerprint)
{
    public Regex Pattern { get; } = pattern;

    public int Label { get; } = label;

    /// <summary>The capture group that is the span (null: the whole match).</summary>
    public string? Group { get; } = group;

    public override bool ReadsFields => false;

    public override bool EmitsSpans => true;

    public override int Apply(LabelingFunctionDocument document) =>
        Pattern.IsMatch(document.Text) ? Label : Engine.LabelIndex.Abstain;

    public override IReadOnlyList<LabeledRange> Spans(LabelingFunctionDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var spans = new List<LabeledRange>();
        foreach (Match match in Pattern.Matches(document.Text))
        {
            Capture part = Group is null ? match : match.Groups[Group];
            if (part is Group { Success: false } || part.Length == 0)
                continue;
            spans.Add(new LabeledRange(part.Index, part.Index + part.Length, Label));
        }
        return spans;
    }
}
