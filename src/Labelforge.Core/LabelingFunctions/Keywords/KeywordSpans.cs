using Labelforge.Engine.Spans;

namespace Labelforge.Core.LabelingFunctions.Keywords;

/// <summary>
/// Where one keyword function's keywords occur in a text, as character ranges, for functions that mark spans. The
/// same rules as <see cref="KeywordIndex"/>: whole-word keywords match token sequences (tokens are runs of letters and
/// digits, any run of other characters between them counts as one separator), substring keywords match anywhere,
/// case folded unless case-sensitive. Every occurrence is reported (overlapping ones too); which of them a
/// suggestion keeps is decided later, with the other functions' spans. Whole-word keywords are indexed by their first
/// token, so a text costs one look-up per token whatever the size of the gazetteer.
/// </summary>
internal sealed class KeywordSpans
{
    private readonly bool _wholeWord;
    private readonly bool _caseSensitive;
    private readonly string[] _substrings;
    private readonly Dictionary<string, List<string[]>> _byFirstToken = new(StringComparer.Ordinal);

    public KeywordSpans(IReadOnlyList<string> keywords, bool wholeWord, bool caseSensitive)
    {
        _wholeWord = wholeWord;
        _caseSensitive = caseSensitive;
        _substrings = wholeWord ? [] : [.. keywords.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];
        if (!wholeWord)
            return;
        foreach (var keyword in keywords.Distinct(StringComparer.Ordinal))
        {
            var tokens = KeywordText.Tokens(keyword).Select(Normal).ToArray();
            if (tokens.Length == 0)
                continue; // no letter or digit: never matches, as in the automaton
            if (!_byFirstToken.TryGetValue(tokens[0], out var list))
                _byFirstToken[tokens[0]] = list = [];
            if (!list.Any(t => t.SequenceEqual(tokens)))
                list.Add(tokens);
        }
    }

    /// <summary>The ranges where some keyword occurs, each labeled <paramref name="label"/>, ordered by start.</summary>
    public List<LabeledRange> Find(string text, int label) => _wholeWord ? WholeWords(text, label) : Substrings(text, label);

    private List<LabeledRange> WholeWords(string text, int label)
    {
        var found = new List<LabeledRange>();
        var tokens = Tokenize(text);
        for (var t = 0; t < tokens.Count; t++)
        {
            if (!_byFirstToken.TryGetValue(tokens[t].Text, out var candidates))
                continue;
            foreach (var keyword in candidates)
            {
                if (t + keyword.Length > tokens.Count)
                    continue;
                var all = true;
                for (var k = 1; k < keyword.Length && all; k++)
                    all = string.Equals(tokens[t + k].Text, keyword[k], StringComparison.Ordinal);
                if (all)
                    found.Add(new LabeledRange(tokens[t].Start, tokens[t + keyword.Length - 1].End, label));
            }
        }
        return found;
    }

    private List<LabeledRange> Substrings(string text, int label)
    {
        var found = new List<LabeledRange>();
        var comparison = _caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        foreach (var keyword in _substrings)
        {
            for (var at = text.IndexOf(keyword, comparison); at >= 0; at = at + 1 < text.Length ? text.IndexOf(keyword, at + 1, comparison) : -1)
                found.Add(new LabeledRange(at, at + keyword.Length, label));
        }
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return found;
    }

    private List<(int Start, int End, string Text)> Tokenize(string text)
    {
        var tokens = new List<(int, int, string)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !KeywordText.IsWordChar(text[i]))
                i++;
            var start = i;
            while (i < text.Length && KeywordText.IsWordChar(text[i]))
                i++;
            if (i > start)
                tokens.Add((start, i, Normal(text[start..i])));
        }
        return tokens;
    }

    private string Normal(string token) => _caseSensitive ? token : KeywordText.FoldAll(token);
}
