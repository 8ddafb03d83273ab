using System.Globalization;

namespace Labelforge.Engine.Spans;

/// <summary>
/// The tokenizer spans snap to. A token is a run of word characters (letters, digits, combining marks and
/// connector punctuation such as '_'), or one other character that is not white space (a surrogate pair counts
/// as one character, so an emoji is one token and a span never splits it). Offsets are UTF-16 indices into the
/// text, the unit C# strings and the browser use, so the server and the annotate page agree on every offset.
/// </summary>
/// <remarks>
/// Deliberately simple and language-neutral: a span boundary that falls on white space or punctuation is a token
/// boundary, which covers the entity boundaries of CoNLL-style corpora. Texts that arrive already tokenized
/// (CoNLL files, JSONL with a <c>tokens</c> list) keep their own tokens; see <see cref="FromTokens"/>.
/// </remarks>
public static class SpanTokenizer
{
    /// <summary>The tokens of <paramref name="text"/>, in order.</summary>
    public static TextToken[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<TextToken>(text.Length / 4 + 1);
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            if (IsWord(text, i))
            {
                while (i < text.Length && IsWord(text, i))
                    i += CharLength(text, i);
            }
            else
                i += CharLength(text, i);
            tokens.Add(new TextToken(start, i));
        }
        return [.. tokens];
    }

    /// <summary>
    /// Offsets of given tokens in <paramref name="text"/>: each token is searched from the end of the previous one,
    /// so tokens separated by white space (or nothing) find their place. Null when a token is not found in order.
    /// </summary>
    public static TextToken[]? FromTokens(string text, IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var result = new TextToken[tokens.Count];
        var at = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            if (tokens[t].Length == 0)
                return null;
            var found = text.IndexOf(tokens[t], at, StringComparison.Ordinal);
            if (found < 0 || text.AsSpan(at, found - at).ContainsAnyExcept(" \t\r\n\u00A0"))
                return null;
            result[t] = new TextToken(found, found + tokens[t].Length);
            at = found + tokens[t].Length;
        }
        return result;
    }

    /// <summary>
    /// The smallest token-aligned range covering [<paramref name="start"/>, <paramref name="end"/>): the start moves
    /// back to the start of its token and the end forward to the end of its token. White space at either edge is
    /// dropped first. Null when the range holds no token.
    /// </summary>
    public static TextToken? Snap(IReadOnlyList<TextToken> tokens, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        int first = -1, last = -1;
        for (var t = 0; t < tokens.Count; t++)
        {
            if (tokens[t].End <= start || tokens[t].Start >= end)
                continue;
            if (first < 0)
                first = t;
            last = t;
        }
        return first < 0 ? null : new TextToken(tokens[first].Start, tokens[last].End);
    }

    /// <summary>True when <paramref name="start"/> is the start of a token and <paramref name="end"/> the end of one.</summary>
    public static bool IsAligned(IReadOnlyList<TextToken> tokens, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        bool startOk = false, endOk = false;
        foreach (var token in tokens)
        {
            startOk |= token.Start == start;
            endOk |= token.End == end;
        }
        return startOk && endOk;
    }

    private static int CharLength(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;

    private static bool IsWord(string text, int i)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.ConnectorPunctuation => true,
            _ => false,
        };
    }
}
