using System.Runtime.CompilerServices;

namespace Labelforge.Core.LabelingFunctions.Keywords;

/// <summary>The character rules every keyword matcher shares: what a word character is, and case folding.</summary>
internal static class KeywordText
{
    /// <summary>Letters and digits; ASCII is decided with two range checks before the Unicode tables.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) =>
        c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 : char.IsLetterOrDigit(c);

    /// <summary>
    /// A canonical form under which two characters are equal exactly when <see cref="StringComparison.OrdinalIgnoreCase"/>
    /// says so (checked for every BMP character): ASCII letters lower-cased, others upper-cased invariantly, except
    /// that ordinal comparison never maps a non-ASCII character to ASCII (U+017F long s stays itself).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c) => c < 128 ? ((uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c) : FoldNonAscii(c);

    private static char FoldNonAscii(char c)
    {
        var upper = char.ToUpperInvariant(c);
        return upper < 128 ? c : upper;
    }

    /// <summary>The tokens of <paramref name="text"/> (maximal runs of word characters) as strings.</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
                i++;
            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
                i++;
            if (i > start)
                tokens.Add(text[start..i]);
        }
        return tokens;
    }

    public static string FoldAll(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < span.Length; i++)
            span[i] = Fold(source[i]);
    });
}
