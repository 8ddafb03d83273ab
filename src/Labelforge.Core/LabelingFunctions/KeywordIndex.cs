using Labelforge.Engine;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// Keyword functions compiled into one matcher, so a document costs one pass over its text whatever the number
/// of functions and keywords. Whole-word keywords become sequences of token ids in two vocabularies (case-folded
/// and exact); the tokenizer (runs of letters and digits) folds and hashes each token as it scans it, looks it up
/// without allocating, and phrases are checked as id sequences from their first token. Substring keywords go
/// through one Aho-Corasick automaton per case mode. Found keywords are stamped per document and counted per
/// function, which then fires on any (or all) of its keywords.
/// </summary>
public sealed class KeywordIndex
{
    private readonly KeywordFunction[] _functions;
    private readonly int[] _functionOfKeyword;
    private readonly int[] _needed;
    private readonly KeywordPhrases _phrases;
    private readonly SubstringAutomaton? _foldedSubstrings;
    private readonly SubstringAutomaton? _exactSubstrings;
    private readonly int[] _alwaysFound;

    public KeywordIndex(IReadOnlyList<KeywordFunction> functions)
    {
        _functions = [.. functions];
        var owner = new List<int>();
        var phrases = new KeywordPhrases.Builder();
        var folded = new List<(int, string)>();
        var exact = new List<(int, string)>();
        var always = new List<int>();
        _needed = new int[_functions.Length];
        for (var f = 0; f < _functions.Length; f++)
        {
            var function = _functions[f];
            foreach (var keyword in function.Keywords)
            {
                var id = owner.Count;
                if (function.WholeWord)
                {
                    // A keyword without a letter or digit has no token and can never match a whole word.
                    if (!phrases.Add(id, keyword, function.CaseSensitive))
                        continue;
                }
                else if (keyword.Length == 0)
                    always.Add(id);
                else
                    (function.CaseSensitive ? exact : folded).Add((id, keyword));
                owner.Add(f);
                _needed[f]++;
            }
        }
        _functionOfKeyword = [.. owner];
        _phrases = phrases.Build();
        _foldedSubstrings = folded.Count == 0 ? null : new SubstringAutomaton(folded, fold: true);
        _exactSubstrings = exact.Count == 0 ? null : new SubstringAutomaton(exact, fold: false);
        _alwaysFound = [.. always];
    }

    /// <summary>Number of functions; <see cref="Apply"/> writes one vote per function.</summary>
    public int Count => _functions.Length;

    /// <summary>
    /// Writes each function's vote for <paramref name="text"/> into <paramref name="votes"/> (allocates its working
    /// memory; the applier keeps one per thread instead).
    /// </summary>
    public void Apply(string text, Span<int> votes)
    {
        var scratch = NewScratch();
        Find(text, scratch);
        for (var f = 0; f < _functions.Length; f++)
            votes[f] = Fires(f, scratch) ? _functions[f].Label : LabelIndex.Abstain;
    }

    /// <summary>Working memory for one thread of <see cref="Write"/>.</summary>
    internal KeywordScratch NewScratch() => new(_functionOfKeyword, _functions.Length);

    /// <summary>Writes function f's vote into <paramref name="row"/>[<paramref name="columns"/>[f]].</summary>
    internal void Write(string text, KeywordScratch scratch, Span<short> row, int[] columns)
    {
        Find(text, scratch);
        for (var f = 0; f < _functions.Length; f++)
            row[columns[f]] = (short)(Fires(f, scratch) ? _functions[f].Label : LabelIndex.Abstain);
    }

    private void Find(string text, KeywordScratch scratch)
    {
        scratch.Begin(text.Length);
        foreach (var id in _alwaysFound)
            scratch.Mark(id);
        _phrases.Find(text, scratch);
        _foldedSubstrings?.Scan(text, scratch);
        _exactSubstrings?.Scan(text, scratch);
    }

    /// <summary>
    /// Any: some keyword was found. All: every keyword was found; a whole-word function whose keywords hold no
    /// token never fires, while substring mode follows <c>string.Contains</c> (the empty keyword is everywhere).
    /// </summary>
    private bool Fires(int f, KeywordScratch scratch)
    {
        var hits = scratch.Hits(f);
        var function = _functions[f];
        return function.Match == KeywordMatch.Any
            ? hits > 0
            : hits == _needed[f] && (hits > 0 || !function.WholeWord);
    }
}
