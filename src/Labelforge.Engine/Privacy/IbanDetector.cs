namespace Labelforge.Engine.Privacy;

/// <summary>
/// IBANs (ISO 13616): two capital letters of a country in the registry, two check digits and the country's fixed number
/// of letters and digits, written whole or in groups split by single spaces; the mod-97 remainder must be 1.
/// </summary>
internal static class IbanDetector
{
    // Country code -> IBAN length, from the SWIFT IBAN registry.
    private static readonly Dictionary<string, int> Lengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22,
        ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18, ["DO"] = 28,
        ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23,
        ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26,
        ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20,
        ["LV"] = 21, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NL"] = 18,
        ["NO"] = 15, ["PK"] = 24, ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["SA"] = 24,
        ["SC"] = 31, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23, ["TN"] = 24,
        ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
    };

    public static void Find(string text, List<PiiDetection> found)
    {
        for (var i = 0; i + 15 <= text.Length; i++)
        {
            if (!IsUpper(text[i]) || !IsUpper(text[i + 1]) || !char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3])
                || (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1])))
                continue;
            if (!Lengths.TryGetValue(text.Substring(i, 2), out var length) || Match(text, i, length) is not { } end)
                continue;
            found.Add(new PiiDetection(PiiKind.Iban, i, end));
            i = end - 1;
        }
    }

    /// <summary>The end of an IBAN of <paramref name="length"/> characters starting at <paramref name="start"/>, or null.</summary>
    private static int? Match(string text, int start, int length)
    {
        Span<char> chars = stackalloc char[length];
        var (n, at) = (0, start);
        while (n < length && at < text.Length)
        {
            var c = text[at];
            if (c == ' ' && n >= 4 && at + 1 < text.Length && text[at - 1] != ' ' && char.IsAsciiLetterOrDigit(text[at + 1]))
            {
                at++;
                continue;
            }
            if (!char.IsAsciiDigit(c) && !IsUpper(c))
                return null;
            chars[n++] = c;
            at++;
        }
        if (n < length || (at < text.Length && char.IsAsciiLetterOrDigit(text[at])))
            return null;
        return Mod97(chars) == 1 ? at : null;
    }

    /// <summary>The IBAN's remainder mod 97 with its first four characters moved to the end and letters as 10..35.</summary>
    internal static int Mod97(ReadOnlySpan<char> iban)
    {
        var remainder = 0;
        for (var k = 0; k < iban.Length; k++)
        {
            var c = iban[(k + 4) % iban.Length];
            remainder = char.IsAsciiDigit(c) ? (remainder * 10 + (c - '0')) % 97 : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder;
    }

    private static bool IsUpper(char c) => c is >= 'A' and <= 'Z';
}
