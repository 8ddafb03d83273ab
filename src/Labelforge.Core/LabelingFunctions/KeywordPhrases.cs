namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// The whole-word half of a <see cref="KeywordIndex"/>: keywords as sequences of token ids in a case-folded and an
/// exact vocabulary, grouped by their first token. <see cref="Find"/> tokenizes a document once, looks every token
/// up by span (no strings), and marks every keyword whose token sequence occurs.
/// </summary>
internal sealed class KeywordPhrases
{
    private readonly Side _folded;
    private readonly Side _exact;

    private KeywordPhrases(Side folded, Side exact)
    {
        _folded = folded;
        _exact = exact;
    }

    public void Find(string text, KeywordScratch scratch)
    {
        if (_folded.IsEmpty && _exact.IsEmpty)
            return;
        var count = Tokenize(text, scratch);
        _folded.Mark(scratch.FoldedIds, count, scratch);
        _exact.Mark(scratch.ExactIds, count, scratch);
    }

    /// <summary>Writes the vocabulary id of every token (-1 when not a keyword token); returns the token count.</summary>
    private int Tokenize(string text, KeywordScratch scratch)
    {
        var foldedIds = scratch.FoldedIds;
        var exactIds = scratch.ExactIds;
        bool useFolded = !_folded.IsEmpty, useExact = !_exact.IsEmpty;
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!KeywordText.IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && KeywordText.IsWordChar(text[i]))
                i++;
            var token = text.AsSpan(start, i - start);
            foldedIds[count] = useFolded ? _folded.Find(token, folded: true) : -1;
            exactIds[count] = useExact ? _exact.Find(token, folded: false) : -1;
            count++;
        }
        return count;
    }

    /// <summary>One case mode: its vocabulary and the keywords (id and remaining token ids) starting with each token.</summary>
    private sealed class Side(TokenVocabulary vocabulary, int longest, (int Keyword, int[] Tail)[][] byFirst)
    {
        public bool IsEmpty => byFirst.Length == 0;

        public int Find(ReadOnlySpan<char> token, bool folded)
        {
            if (token.Length > longest)
                return -1;
            char first = token[0], middle = token[token.Length / 2], last = token[^1];
            if (folded)
                (first, middle, last) = (KeywordText.Fold(first), KeywordText.Fold(middle), KeywordText.Fold(last));
            return vocabulary.Find(token, TokenVocabulary.Hash(token.Length, first, middle, last), folded);
        }

        public void Mark(int[] ids, int count, KeywordScratch scratch)
        {
            if (IsEmpty)
                return;
            for (var t = 0; t < count; t++)
            {
                if (ids[t] < 0)
                    continue;
                foreach (var (keyword, tail) in byFirst[ids[t]])
                {
                    if (tail.Length == 0 || (t + tail.Length < count && ids.AsSpan(t + 1, tail.Length).SequenceEqual(tail)))
                        scratch.Mark(keyword);
                }
            }
        }
    }

    /// <summary>Collects keywords; <see cref="Build"/> freezes them.</summary>
    public sealed class Builder
    {
        private readonly SideBuilder _folded = new();
        private readonly SideBuilder _exact = new();

        /// <summary>Adds keyword <paramref name="id"/>; false when it holds no token (it can never match).</summary>
        public bool Add(int id, string keyword, bool caseSensitive)
        {
            var tokens = KeywordText.Tokens(keyword);
            if (tokens.Count == 0)
                return false;
            if (caseSensitive)
                _exact.Add(id, tokens);
            else
                _folded.Add(id, [.. tokens.Select(KeywordText.FoldAll)]);
            return true;
        }

        public KeywordPhrases Build() => new(_folded.Build(), _exact.Build());
    }

    private sealed class SideBuilder
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<List<(int, int[])>> _byFirst = [];

        public void Add(int keyword, List<string> tokens)
        {
            var ids = tokens.Select(Id).ToArray();
            _byFirst[ids[0]].Add((keyword, ids[1..]));
        }

        public Side Build() => new(
            new TokenVocabulary(_ids), _ids.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max(), [.. _byFirst.Select(l => l.ToArray())]);

        private int Id(string token)
        {
            if (!_ids.TryGetValue(token, out var id))
            {
                _ids[token] = id = _ids.Count;
                _byFirst.Add([]);
            }
            return id;
        }
    }
}
