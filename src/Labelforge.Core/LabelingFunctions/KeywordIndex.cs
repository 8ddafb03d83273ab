using Labelforge.Engine;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// Whole-word keyword functions compiled into one token index: a document is tokenized once (runs of letters
/// and digits) and each token is looked up in a hash map from first keyword token to the keywords it starts,
/// so the cost per document is one pass over its text whatever the number of functions and keywords.
/// </summary>
public sealed class KeywordIndex
{
    [ThreadStatic]
    private static Range[]? _tokenBuffer;

    [ThreadStatic]
    private static bool[]? _foundBuffer;

    private readonly TokenTable<Phrase[]> _ignoreCase;
    private readonly TokenTable<Phrase[]> _exactCase;
    private readonly int[][] _keywordsOfFunction;
    private readonly KeywordFunction[] _functions;
    private readonly int _keywordCount;

    public KeywordIndex(IReadOnlyList<KeywordFunction> functions)
    {
        _functions = [.. functions];
        var ignoreCase = new Dictionary<string, List<Phrase>>(StringComparer.OrdinalIgnoreCase);
        var exactCase = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        _keywordsOfFunction = new int[_functions.Length][];
        var id = 0;
        for (var f = 0; f < _functions.Length; f++)
        {
            var ids = new List<int>();
            foreach (var keyword in _functions[f].Keywords)
            {
                var tokens = Tokens(keyword);
                if (tokens.Length == 0)
                    continue;
                var map = _functions[f].CaseSensitive ? exactCase : ignoreCase;
                if (!map.TryGetValue(tokens[0], out var list))
                    map[tokens[0]] = list = [];
                list.Add(new Phrase(id, tokens[1..]));
                ids.Add(id++);
            }
            _keywordsOfFunction[f] = [.. ids];
        }
        _keywordCount = id;
        _ignoreCase = new TokenTable<Phrase[]>(Freeze(ignoreCase), ignoreCase: true);
        _exactCase = new TokenTable<Phrase[]>(Freeze(exactCase), ignoreCase: false);
    }

    /// <summary>Number of functions; <see cref="Apply"/> writes one vote per function.</summary>
    public int Count => _functions.Length;

    /// <summary>Writes each function's vote for <paramref name="text"/> into <paramref name="votes"/>.</summary>
    public void Apply(string text, Span<int> votes)
    {
        // Per-thread scratch: the applier calls this from many threads, once per document.
        var found = _foundBuffer is { } f && f.Length >= _keywordCount ? f : _foundBuffer = new bool[Math.Max(16, _keywordCount)];
        var needed = (text.Length / 2) + 1;
        var tokens = _tokenBuffer is { } t && t.Length >= needed ? t : _tokenBuffer = new Range[Math.Max(256, needed)];
        Array.Clear(found, 0, _keywordCount);
        var count = Tokenize(text, tokens);
        for (var i = 0; i < count; i++)
        {
            var token = text.AsSpan(tokens[i]);
            if (_ignoreCase.Find(token) is { } folded)
                MarkPhrases(text, tokens, i, count, folded, StringComparison.OrdinalIgnoreCase, found);
            if (_exactCase.Find(token) is { } exact)
                MarkPhrases(text, tokens, i, count, exact, StringComparison.Ordinal, found);
        }
        for (var fn = 0; fn < _functions.Length; fn++)
            votes[fn] = Fires(fn, found) ? _functions[fn].Label : LabelIndex.Abstain;
    }

    private bool Fires(int f, bool[] found)
    {
        var ids = _keywordsOfFunction[f];
        if (ids.Length == 0)
            return false;
        if (_functions[f].Match == KeywordMatch.Any)
        {
            foreach (var id in ids)
            {
                if (found[id])
                    return true;
            }
            return false;
        }
        foreach (var id in ids)
        {
            if (!found[id])
                return false;
        }
        return true;
    }

    private static void MarkPhrases(string text, Range[] tokens, int start, int count, Phrase[] phrases, StringComparison comparison, bool[] found)
    {
        foreach (var phrase in phrases)
        {
            if (found[phrase.Id] || start + phrase.Rest.Length >= count)
                continue;
            var match = true;
            for (var r = 0; r < phrase.Rest.Length && match; r++)
                match = text.AsSpan(tokens[start + 1 + r]).Equals(phrase.Rest[r], comparison);
            found[phrase.Id] |= match;
        }
    }

    /// <summary>Token ranges of <paramref name="text"/>: maximal runs of letters and digits.</summary>
    private static int Tokenize(string text, Range[] tokens)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
                i++;
            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
                i++;
            if (i > start)
                tokens[count++] = start..i;
        }
        return count;
    }

    /// <summary>Letters and digits; ASCII is decided with two range checks before the Unicode tables.</summary>
    private static bool IsWordChar(char c) =>
        c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 : char.IsLetterOrDigit(c);

    private static string[] Tokens(string keyword)
    {
        var ranges = new Range[keyword.Length + 1];
        var count = Tokenize(keyword, ranges);
        return [.. ranges.Take(count).Select(r => keyword[r])];
    }

    private static Dictionary<string, Phrase[]> Freeze(Dictionary<string, List<Phrase>> source) =>
        source.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), source.Comparer);

    private sealed record Phrase(int Id, string[] Rest);
}
