namespace Labelforge.Engine.Privacy;

/// <summary>
/// A run of digit groups joined by single separators (for phone and card numbers): where it starts and ends, its
/// digits, and the sizes of its groups. A run never starts or ends next to a letter, a digit or a decimal point.
/// </summary>
internal readonly record struct DigitGroups(int Start, int End, string Digits, IReadOnlyList<int> Groups, bool Parentheses, bool Plus)
{
    /// <summary>
    /// The run that starts at <paramref name="start"/> (a digit, '+' or '('), groups joined by one of
    /// <paramref name="separators"/>; null when there is none or it runs on into a word.
    /// </summary>
    public static DigitGroups? Read(string text, int start, string separators, bool allowParentheses)
    {
        var at = start;
        var plus = false;
        if (text[at] == '+')
        {
            plus = true;
            at++;
            if (at < text.Length && text[at] == ' ')
                at++;
        }
        var digits = new System.Text.StringBuilder();
        var groups = new List<int>();
        var parentheses = false;
        var end = at;
        while (at < text.Length)
        {
            var open = allowParentheses && text[at] == '(';
            var from = open ? at + 1 : at;
            var run = from;
            while (run < text.Length && char.IsAsciiDigit(text[run]))
                run++;
            if (run == from || (open && (run >= text.Length || text[run] != ')')))
                break;
            digits.Append(text, from, run - from);
            groups.Add(run - from);
            parentheses |= open;
            end = open ? run + 1 : run;
            at = end;
            if (at + 1 < text.Length && separators.Contains(text[at], StringComparison.Ordinal)
                && (char.IsAsciiDigit(text[at + 1]) || (allowParentheses && text[at + 1] == '(')))
            {
                at++;
                continue;
            }
            // "(030)1234" and "+49(0)30": a group in parentheses joins its neighbours without a separator.
            var joined = at < text.Length && ((open && char.IsAsciiDigit(text[at])) || (allowParentheses && text[at] == '('));
            if (!joined)
                break;
        }
        if (groups.Count == 0)
            return null;
        // Not part of a longer word or number: "v2.3", "12.5", "abc123".
        if (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'
            || (text[end] is '.' or ',' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
            return null;
        return new DigitGroups(start, end, digits.ToString(), groups, parentheses, plus);
    }

    /// <summary>True when <paramref name="i"/> may begin a number: not after a letter, digit, '+', '.', ',' or '-' joined to a digit.</summary>
    public static bool CanStart(string text, int i)
    {
        if (i == 0)
            return true;
        var before = text[i - 1];
        if (char.IsAsciiLetterOrDigit(before) || before is '_' or '+' or '@')
            return false;
        return !(before is '.' or ',' or '-' or '/' && i >= 2 && char.IsAsciiDigit(text[i - 2]));
    }
}
