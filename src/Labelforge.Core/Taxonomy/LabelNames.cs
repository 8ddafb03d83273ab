using Labelforge.Core.Common;

namespace Labelforge.Core.Taxonomy;

/// <summary>
/// The rules of a label's name: free text of any characters ('/', ',', '|', quotes, emoji, any script), trimmed,
/// non-empty, one line (no control characters), unique among the live children of one parent ignoring case
/// (<see cref="Comparer"/>). Labels under different parents may share a name ("Animals/Other", "Plants/Other");
/// where a bare name means several labels, its path tells them apart (<see cref="LabelLookup"/>). A label
/// keeps the case it was created with; names are not Unicode-normalized, so they round-trip byte for byte.
/// Whatever the rules change (outer whitespace, a value matched ignoring case) is reported, never silent.
/// </summary>
public static class LabelNames
{
    /// <summary>How names compare: ordinal, ignoring case.</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The stored form of a name: trimmed; refused when empty or holding control characters.</summary>
    public static string Clean(string raw)
    {
        var name = raw.Trim();
        if (name.Length == 0)
            throw LabelforgeException.Invalid("A label needs a name.");
        if (name.Any(char.IsControl))
            throw LabelforgeException.Invalid($"Label name '{Printable(name)}' holds a control character (tab, newline, ...); a name is one line of text.");
        return name;
    }

    /// <summary>A note for the user when <see cref="Clean"/> changed what they typed; null when nothing changed.</summary>
    public static string? TrimNotice(string raw, string name) =>
        string.Equals(raw, name, StringComparison.Ordinal) ? null : $"label name '{raw}' had whitespace around it; it is stored as '{name}'";

    private static string Printable(string name) => string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
