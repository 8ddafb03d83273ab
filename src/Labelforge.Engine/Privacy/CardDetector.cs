namespace Labelforge.Engine.Privacy;

/// <summary>
/// Payment card numbers: 13 to 19 digits, whole or in groups split by single spaces or dashes, starting with 2 to 6
/// (the card networks' ranges) and passing the Luhn check.
/// </summary>
internal static class CardDetector
{
    public static void Find(string text, List<PiiDetection> found)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || !DigitGroups.CanStart(text, i))
                continue;
            if (DigitGroups.Read(text, i, " -", allowParentheses: false) is not { } run)
                continue;
            if (run.Digits.Length is >= 13 and <= 19 && run.Digits[0] is >= '2' and <= '6' && Luhn(run.Digits))
                found.Add(new PiiDetection(PiiKind.Card, run.Start, run.End));
            i = run.End - 1;
        }
    }

    /// <summary>The Luhn check: doubling every second digit from the right, the digit sum is a multiple of 10.</summary>
    internal static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var k = 0; k < digits.Length; k++)
        {
            var d = digits[digits.Length - 1 - k] - '0';
            if (k % 2 == 1)
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }
}
