using Labelforge.Core.LabelingFunctions.Keywords;

namespace Labelforge.Core.LabelingFunctions.Functions;

/// <summary>
/// Votes <see cref="Label"/> when any (or all) keywords occur. Whole-word mode matches token sequences
/// (tokens are runs of letters and digits), substring mode matches anywhere; both ignore case unless asked
/// not to. The applier batches all keyword functions into one <see cref="KeywordIndex"/> pass per document;
/// <see cref="Apply"/> is the one-function path through the same matcher. A lookup (gazetteer) function is a keyword
/// function over the terms of a file, with kind <c>lookup</c>. In a text-spans project every occurrence is a span
/// (<see cref="Spans"/>), so a gazetteer of names marks the names.
/// </summary>
public sealed class KeywordFunction : LabelingFunction
{
    public KeywordFunction(
        string name, IReadOnlyList<string> keywords, int label, KeywordMatch match, bool wholeWord, bool caseSensitive, string fingerprint, string kind = "keyword")
        : base(name, kind, fingerprint)
    {
        Keywords = keywords;
        Label = label;
        Match = match;
        WholeWord = wholeWord;
        CaseSensitive = caseSensitive;
        _index = new KeywordIndex([this]);
        _spans = new Lazy<KeywordSpans>(() => new KeywordSpans(Keywords, WholeWord, CaseSensitive));
    }

    private readonly KeywordIndex _index;
    private readonly Lazy<KeywordSpans> _spans;

    public IReadOnlyList<string> Keywords { get; }

    public int Label { get; }

    public KeywordMatch Match { get; }

    public bool WholeWord { get; }

    public bool CaseSensitive { get; }

    public override bool ReadsFields => false;

    public override bool EmitsSpans => true;

    public override int Apply(LabelingFunctionDocument document)
    {
        Span<int> votes = stackalloc int[1];
        _index.Apply(document.Text, votes);
        return votes[0];
    }

    /// <summary>
    /// Every occurrence of a keyword, when the function fires (with <c>match: all</c>, only texts holding all of them
    /// get spans).
    /// </summary>
    public override IReadOnlyList<Engine.Spans.LabeledRange> Spans(LabelingFunctionDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (Match == KeywordMatch.All && Apply(document) == Engine.LabelIndex.Abstain)
            return [];
        return _spans.Value.Find(document.Text, Label);
    }
}
