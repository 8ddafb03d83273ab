using System.Text.RegularExpressions;

namespace Labelforge.Engine.Privacy;

/// <summary>
/// E-mail addresses: a local part of letters, digits and <c>._%+-</c> and underscores (not starting or ending with a dot), '@', one or
/// more host labels and a top-level domain of 2 to 24 letters. Neither side may run on into more address characters.
/// </summary>
internal static partial class EmailDetector
{
    [GeneratedRegex(@"(?<![A-Za-z0-9._%+\-_])[A-Za-z0-9_%+\-](?:[A-Za-z0-9._%+\-_]{0,62}[A-Za-z0-9_%+\-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9\-]|\.[A-Za-z0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static void Find(string text, List<PiiDetection> found)
    {
        if (!text.Contains('@', StringComparison.Ordinal))
            return;
        foreach (var m in Pattern().EnumerateMatches(text))
            found.Add(new PiiDetection(PiiKind.Email, m.Index, m.Index + m.Length));
    }
}
