using System.Runtime.CompilerServices;
using Labelforge.Core.LabelingFunctions.Functions;
using Labelforge.Engine;

namespace Labelforge.Core.LabelingFunctions.Keywords;

/// <summary>
/// Keyword functions compiled into one matcher, so a document costs one pass over its text per kind of keyword
/// whatever the number of functions and keywords: Aho-Corasick automata (<see cref="KeywordAutomaton"/>) for
/// whole-word keywords (token sequences; tokens are runs of letters and digits) and for substring keywords,
/// each case-folded or exact. Found keywords are stamped per document and counted per function, which then
/// fires on any (or all) of its keywords.
/// </summary>
public sealed class KeywordIndex
{
    private readonly KeywordFunction[] _functions;
    private readonly int[] _functionOfKeyword;
    private readonly int[] _needed;
    private readonly KeywordAutomaton[] _automata;
    private readonly int[] _alwaysFound;

    public KeywordIndex(IReadOnlyList<KeywordFunction> functions)
    {
        _functions = [.. functions];
        var owner = new List<int>();
        // Patterns per (whole word, case sensitive), indexed 2·wholeWord + caseSensitive.
        var patterns = Enumerable.Range(0, 4).Select(_ => new List<(int, string)>()).ToArray();
        var always = new List<int>();
        _needed = new int[_functions.Length];
        for (var f = 0; f < _functions.Length; f++)
        {
            var function = _functions[f];
            foreach (var keyword in function.Keywords)
            {
                var id = owner.Count;
                // A whole-word keyword without a letter or digit has no token and can never match.
                var pattern = function.WholeWord ? KeywordAutomaton.WholeWordPattern(keyword) : keyword;
                if (pattern is null)
                    continue;
                if (pattern.Length == 0)
                    always.Add(id);
                else
                    patterns[((function.WholeWord ? 1 : 0) * 2) + (function.CaseSensitive ? 1 : 0)].Add((id, pattern));
                owner.Add(f);
                _needed[f]++;
            }
        }
        _functionOfKeyword = [.. owner];
        _automata = [.. Enumerable.Range(0, 4).Where(i => patterns[i].Count > 0)
            .Select(i => new KeywordAutomaton(patterns[i], fold: i % 2 == 0, wholeWords: i >= 2))];
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
        scratch.Begin();
        foreach (var id in _alwaysFound)
            scratch.Mark(id);
        foreach (var automaton in _automata)
            automaton.Scan(text, scratch);
    }

    /// <summary>
    /// Any: some keyword was found. All: every keyword was found; a whole-word function whose keywords hold no
    /// token never fires, while substring mode follows <c>string.Contains</c> (the empty keyword is everywhere).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Fires(int f, KeywordScratch scratch)
    {
        var hits = scratch.Hits(f);
        var function = _functions[f];
        return function.Match == KeywordMatch.Any
            ? hits > 0
            : hits == _needed[f] && (hits > 0 || !function.WholeWord);
    }
}
