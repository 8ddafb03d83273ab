using System.Buffers;
using System.Text;

namespace Labelforge.Core.Taxonomy;

/// <summary>
/// The one text syntax for label paths and label lists. A label's name is free text; where text must hold
/// several names, a separator splits them: '/' between levels of a path ("Science/Sci\/Tech"), ',' between
/// labels in CLI lists (<c>--labels</c>, <c>split --into</c>) and '|' between labels in one CSV/TSV/Parquet
/// cell. A backslash makes the next separator or backslash literal (<c>\/</c>, <c>\,</c>, <c>\|</c>, <c>\\</c>);
/// a backslash before any other character is kept as written, so names like "C:\temp" read unchanged.
/// Formatting escapes every backslash, so <see cref="Split"/> of <see cref="Join"/> gives the names back
/// byte for byte. A path may start with '/' to say it starts at the top of the tree: "/Other" is the top-level
/// label Other, where the bare text "Other" would also be the name of every other label called Other
/// (<see cref="LabelLookup"/>).
/// </summary>
public static class LabelPath
{
    /// <summary>Separates levels of the tree in a path.</summary>
    public const char LevelSeparator = '/';

    /// <summary>Separates labels in a CLI or UI list.</summary>
    public const char ListSeparator = ',';

    /// <summary>Separates labels in one CSV/TSV/Parquet cell ("spam|ads").</summary>
    public const char CellSeparator = '|';

    public const char Escape = '\\';

    /// <summary>
    /// The names of a path's levels, escapes removed, each trimmed (names never hold outer whitespace); a leading
    /// '/' (the path starts at the top) is dropped.
    /// </summary>
    public static IReadOnlyList<string> Parse(string path)
    {
        var levels = Split(path, LevelSeparator).Select(s => s.Trim()).ToList();
        if (levels.Count > 1 && levels[0].Length == 0 && IsAnchored(path))
            levels.RemoveAt(0);
        return levels;
    }

    /// <summary>Whether <paramref name="path"/> starts with an unescaped '/' (after whitespace): a path from the top.</summary>
    public static bool IsAnchored(string path) => path.AsSpan().TrimStart().StartsWith([LevelSeparator]);

    /// <summary>A path anchored at the top of the tree ("/Animals/Other").</summary>
    public static string Anchored(string formattedPath) => LevelSeparator + formattedPath;

    /// <summary>A path with each level's separators and backslashes escaped.</summary>
    public static string Format(IReadOnlyList<string> names) => Join(names, LevelSeparator);

    /// <summary>
    /// Splits <paramref name="text"/> on unescaped <paramref name="separator"/>s and removes the escapes of the
    /// separator and of backslashes. Items keep their whitespace; callers decide whether it is syntax.
    /// </summary>
    public static List<string> Split(string text, char separator)
    {
        var items = new List<string>();
        if (text.AsSpan().IndexOfAny(separator, Escape) < 0)
        {
            items.Add(text);
            return items;
        }
        var current = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == Escape && i + 1 < text.Length && (text[i + 1] == separator || text[i + 1] == Escape))
                current.Append(text[++i]);
            else if (c == separator)
            {
                items.Add(current.ToString());
                current.Clear();
            }
            else
                current.Append(c);
        }
        items.Add(current.ToString());
        return items;
    }

    /// <summary>
    /// A CLI or UI list (<see cref="ListSeparator"/>): items trimmed, empty ones dropped. Whitespace around the
    /// separators is list syntax ("ham, spam"), not part of a name, so it goes without notice.
    /// </summary>
    public static IReadOnlyList<string> SplitList(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Split(text, ListSeparator).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    /// <summary>Joins names with <paramref name="separator"/>, escaping it and every backslash in each name.</summary>
    public static string Join(IReadOnlyList<string> names, char separator)
    {
        var plain = true;
        for (var i = 0; i < names.Count && plain; i++)
            plain = names[i].AsSpan().IndexOfAny(separator, Escape) < 0;
        if (plain)
            return string.Join(separator, names);
        var special = SearchValues.Create([separator, Escape]);
        var result = new StringBuilder();
        var first = true;
        foreach (var name in names)
        {
            if (!first)
                result.Append(separator);
            first = false;
            AppendEscaped(result, name, special);
        }
        return result.ToString();
    }

    /// <summary>One name as an item of a <paramref name="separator"/>-separated text.</summary>
    public static string EscapeItem(string name, char separator) =>
        name.AsSpan().IndexOfAny(separator, Escape) < 0 ? name : Join([name], separator);

    private static void AppendEscaped(StringBuilder into, string name, SearchValues<char> special)
    {
        var rest = name.AsSpan();
        while (true)
        {
            var k = rest.IndexOfAny(special);
            if (k < 0)
                break;
            into.Append(rest[..k]).Append(Escape).Append(rest[k]);
            rest = rest[(k + 1)..];
        }
        into.Append(rest);
    }
}
