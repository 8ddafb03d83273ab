using System.Globalization;
using System.Text;

namespace Labelforge.Training.Fast;

/// <summary>
/// Word unigrams and bigrams as scikit-learn's <c>TfidfVectorizer(ngram_range=(1, 2))</c> finds them: the text is
/// lower-cased, tokens are the matches of <c>(?u)\b\w\w+\b</c> (maximal runs of two or more word characters: letters,
/// digits, other numerics and '_'), and a bigram is two consecutive tokens joined by one space. Each term is keyed by
/// its 64-bit FNV-1a hash instead of a string, so counting allocates no substrings; with 10 million distinct terms
/// the chance that any two share a key is about 3·10⁻⁶, so the vocabulary is exact in practice.
/// </summary>
public static class WordNgrams
{
    private const ulong Offset = 14695981039346656037ul;
    private const ulong Prime = 1099511628211ul;

    /// <summary>The terms of <paramref name="text"/> (only its first <paramref name="maxChars"/> characters) with their counts.</summary>
    public static DocumentTerms Count(string? text, int maxChars)
    {
        text ??= "";
        var lower = (text.Length > maxChars ? text[..maxChars] : text).ToLowerInvariant();
        var keys = new List<ulong>(lower.Length / 3);
        ulong? previous = null;
        var start = -1;
        for (var i = 0; i <= lower.Length;)
        {
            var width = 1;
            var isWord = false;
            if (i < lower.Length && Rune.DecodeFromUtf16(lower.AsSpan(i), out var rune, out width) == System.Buffers.OperationStatus.Done)
                isWord = IsWordCharacter(rune);
            if (isWord && start < 0)
                start = i;
            else if (!isWord && start >= 0)
            {
                var token = lower.AsSpan(start, i - start);
                if (IsLongEnough(token))
                {
                    var hash = Hash(Offset, token);
                    keys.Add(hash);
                    if (previous is { } before)
                        keys.Add(Hash(Step(before, ' '), token));
                    previous = hash;
                }
                start = -1;
            }
            i += Math.Max(width, 1);
        }
        return Tally(keys);
    }

    /// <summary>Python's <c>\w</c>: alphanumeric (letters and every numeric category) or the underscore.</summary>
    private static bool IsWordCharacter(Rune rune)
    {
        if (rune.Value == '_')
            return true;
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    /// <summary>At least two code points (a surrogate pair is one).</summary>
    private static bool IsLongEnough(ReadOnlySpan<char> token) =>
        token.Length > 2 || (token.Length == 2 && !char.IsSurrogatePair(token[0], token[1]));

    private static ulong Hash(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            hash = Step(hash, c);
        return hash;
    }

    private static ulong Step(ulong hash, char c) => (hash ^ c) * Prime;

    private static DocumentTerms Tally(List<ulong> keys)
    {
        keys.Sort();
        var distinct = new List<ulong>(keys.Count);
        var counts = new List<int>(keys.Count);
        foreach (var key in keys)
        {
            if (distinct.Count > 0 && distinct[^1] == key)
                counts[^1]++;
            else
            {
                distinct.Add(key);
                counts.Add(1);
            }
        }
        return new DocumentTerms([.. distinct], [.. counts]);
    }
}
