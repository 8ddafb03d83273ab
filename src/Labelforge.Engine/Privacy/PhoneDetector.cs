namespace Labelforge.Engine.Privacy;

/// <summary>
/// Phone numbers. International: '+' and 8 to 15 digits (E.164), the first not 0, in groups split by single spaces,
/// dashes, dots or slashes, a group may be in parentheses ("+49 (0)30 1234567"). National: 10 or 11 digits in at least
/// two groups that start with a trunk 0, put the area code in parentheses, or follow the North American 3-3-4 form.
/// So plain numbers ("1234567890", an order id), dates (8 digits), amounts ("1.234.567.890": all later groups of 3)
/// and card numbers (13 or more digits) are not phones.
/// </summary>
internal static class PhoneDetector
{
    private const string Separators = " -./";

    public static void Find(string text, List<PiiDetection> found)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!(char.IsAsciiDigit(c) || c is '+' or '(') || !DigitGroups.CanStart(text, i))
                continue;
            if (DigitGroups.Read(text, i, Separators, allowParentheses: true) is not { } run)
                continue;
            if (IsPhone(run))
            {
                found.Add(new PiiDetection(PiiKind.Phone, run.Start, run.End));
                i = run.End - 1;
            }
            else if (!run.Plus)
                i = run.End - 1;
        }
    }

    private static bool IsPhone(DigitGroups run)
    {
        var digits = run.Digits.Length;
        if (run.Plus)
            return digits is >= 8 and <= 15 && run.Digits[0] != '0';
        if (digits is < 10 or > 11 || run.Groups.Count < 2)
            return false;
        if (run.Groups.Skip(1).All(g => g == 3))
            return false;
        return run.Digits[0] == '0' || run.Parentheses || (digits == 10 && run.Groups is [3, 3, 4]);
    }
}
