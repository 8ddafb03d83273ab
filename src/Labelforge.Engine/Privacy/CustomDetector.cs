using System.Text.RegularExpressions;

namespace Labelforge.Engine.Privacy;

/// <summary>
/// The project's own pattern and word list, both <see cref="PiiKind.Custom"/>. The pattern is user input, so it runs
/// without backtracking where .NET can (linear time in the text) and otherwise under a match timeout; a text on which
/// it times out is reported as all personal data, so a slow pattern can hide text but never leak it. Words and phrases
/// match whole (not inside a longer word), ignoring case.
/// </summary>
internal sealed class CustomDetector
{
    private readonly Regex? _pattern;
    private readonly Regex? _words;

    private CustomDetector(Regex? pattern, Regex? words) => (_pattern, _words) = (pattern, words);

    /// <summary>The detector, or the reason the pattern cannot be used.</summary>
    public static CustomDetector Create(string? pattern, IReadOnlyList<string>? words, TimeSpan timeout)
    {
        var regex = string.IsNullOrEmpty(pattern) ? null : Compile(pattern, RegexOptions.CultureInvariant, timeout);
        var list = words?.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToList();
        var wordRegex = list is { Count: > 0 }
            ? Compile(@"(?<![\w])(?:" + string.Join('|', list.Select(Regex.Escape)) + @")(?![\w])",
                RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, timeout)
            : null;
        return new CustomDetector(regex, wordRegex);
    }

    /// <summary>Checks that <paramref name="pattern"/> is a regular expression; the parser's message when it is not.</summary>
    public static string? Check(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, PiiDetectorOptions.DefaultMatchTimeout);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    public bool IsEmpty => _pattern is null && _words is null;

    /// <summary>Adds the matches; returns false when a match timed out (the caller then treats the whole text as found).</summary>
    public bool Find(string text, List<PiiDetection> found)
    {
        try
        {
            foreach (var regex in (ReadOnlySpan<Regex?>)[_pattern, _words])
            {
                if (regex is null)
                    continue;
                foreach (var m in regex.EnumerateMatches(text))
                {
                    if (m.Length > 0)
                        found.Add(new PiiDetection(PiiKind.Custom, m.Index, m.Index + m.Length));
                }
            }
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static Regex Compile(string pattern, RegexOptions options, TimeSpan timeout)
    {
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking, timeout);
        }
        catch (NotSupportedException)
        {
            // Lookarounds, backreferences and the like need the backtracking engine; the timeout bounds it.
            return new Regex(pattern, options, timeout);
        }
    }
}
