using System.Buffers;
using Labelforge.Engine;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// Whole-word keyword functions compiled into one token index: a document is tokenized once (runs of letters
/// and digits) and each token is looked up in a hash map from first keyword token to the keywords it starts,
/// so the cost per document is one pass over its text whatever the number of functions and keywords.
/// </summary>
public sealed class KeywordIndex
{
    private readonly Dictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> _ignoreCase;
    private readonly Dictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> _exactCase;
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
        _ignoreCase = Freeze(ignoreCase, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _exactCase = Freeze(exactCase, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of functions; <see cref="Apply"/> writes one vote per function.</summary>
    public int Count => _functions.Length;

    /// <summary>Writes each function's vote for <paramref name="text"/> into <paramref name="votes"/>.</summary>
    public void Apply(string text, Span<int> votes)
    {
        var found = ArrayPool<bool>.Shared.Rent(Math.Max(1, _keywordCount));
        var tokens = ArrayPool<Range>.Shared.Rent(Math.Max(4, (text.Length / 2) + 1));
        try
        {
            Array.Clear(found, 0, _keywordCount);
            var count = Tokenize(text, tokens);
            for (var t = 0; t < count; t++)
            {
                var token = text.AsSpan(tokens[t]);
                if (_ignoreCase.TryGetValue(token, out var phrases))
                    MarkPhrases(text, tokens, t, count, phrases, StringComparison.OrdinalIgnoreCase, found);
                if (_exactCase.TryGetValue(token, out phrases))
                    MarkPhrases(text, tokens, t, count, phrases, StringComparison.Ordinal, found);
            }
            for (var f = 0; f < _functions.Length; f++)
                votes[f] = Fires(f, found) ? _functions[f].Label : LabelIndex.Abstain;
        }
        finally
        {
            ArrayPool<Range>.Shared.Return(tokens);
            ArrayPool<bool>.Shared.Return(found);
        }
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
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
                i++;
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
                i++;
            if (i > start)
                tokens[count++] = start..i;
        }
        return count;
    }

    private static string[] Tokens(string keyword)
    {
        var ranges = new Range[keyword.Length + 1];
        var count = Tokenize(keyword, ranges);
        return [.. ranges.Take(count).Select(r => keyword[r])];
    }

    private static Dictionary<string, Phrase[]> Freeze(Dictionary<string, List<Phrase>> source, StringComparer comparer) =>
        source.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), comparer);

    private sealed record Phrase(int Id, string[] Rest);
}
