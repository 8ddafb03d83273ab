using Labelforge.Core.Common;

namespace Labelforge.Core.Taxonomy;

/// <summary>
/// Reads the text a person or a file wrote for a label, and writes the text that reads back as a given label.
/// Names are unique among siblings only (<see cref="LabelNames"/>), so a bare name can mean several labels
/// ("Animals/Other" and "Plants/Other" are both "Other"). Reading a text (trimmed, compared ignoring case):
/// <list type="number">
/// <item>as the name of live labels: one label is the answer; several make the text ambiguous, even when it is also
/// a path: a text that names several labels is never quietly read as one of them;</item>
/// <item>else as a path (<see cref="LabelPath"/>: "Animals/Other"; "/Other" is the top-level Other);</item>
/// <item>else, where <c>followMerged</c> is asked, as the name or path of a merged label, read as its target.</item>
/// </list>
/// Writing (<see cref="ReferenceOf"/>): the bare name where it reads back as the label (every label of a project
/// whose names are unique, so such files are unchanged), else its path, else its path anchored with '/'.
/// </summary>
public sealed class LabelLookup
{
    private readonly LabelResolver _resolver;
    private readonly Dictionary<string, List<Label>> _byName = new(LabelNames.Comparer);
    private readonly Dictionary<string, List<Label>> _byPath = new(LabelNames.Comparer);
    private readonly Dictionary<string, List<Label>> _mergedByName = new(LabelNames.Comparer);
    private readonly Dictionary<string, List<Label>> _mergedByPath = new(LabelNames.Comparer);
    private readonly Dictionary<long, string> _references = [];

    public LabelLookup(LabelResolver resolver)
    {
        _resolver = resolver;
        foreach (var label in resolver.All.OrderBy(l => l.SortOrder).ThenBy(l => l.Id))
        {
            var live = label.Status is LabelStatus.Active or LabelStatus.Deprecated;
            if (!live && label.Status != LabelStatus.Merged)
                continue;
            Add(live ? _byName : _mergedByName, label.Name, label);
            Add(live ? _byPath : _mergedByPath, resolver.PathOf(label.Id), label);
        }
    }

    /// <summary>What <paramref name="text"/> reads as; see the class summary for the order.</summary>
    public LabelMatch Match(string text, bool followMerged = false)
    {
        var t = text.Trim();
        if (_byName.TryGetValue(t, out var named))
            return named.Count == 1 ? new LabelMatch(named[0], named[0].Name, []) : Ambiguous(named, PathMatches(_byPath, t));
        var byPath = PathMatches(_byPath, t);
        if (byPath.Count > 0)
            return byPath.Count == 1 ? new LabelMatch(byPath[0], Written(t, byPath[0]), []) : Ambiguous(byPath, []);
        if (!followMerged)
            return LabelMatch.None;
        var merged = _mergedByName.GetValueOrDefault(t) ?? PathMatches(_mergedByPath, t);
        var targets = merged.Select(l => _resolver.Find(_resolver.Resolve(l.Id))).OfType<Label>().DistinctBy(l => l.Id).ToList();
        return targets.Count switch
        {
            0 => LabelMatch.None,
            1 => new LabelMatch(targets[0], _mergedByName.ContainsKey(t) ? merged[0].Name : Written(t, merged[0]), []),
            _ => Ambiguous(targets, []),
        };
    }

    /// <summary>
    /// The live label <paramref name="text"/> reads as, or null when it names none; a text that names several
    /// is a <see cref="LabelforgeException.Invalid"/> naming them and how to write each.
    /// </summary>
    public Label? FindLive(string text)
    {
        var match = Match(text);
        if (match.Ambiguous)
            throw LabelforgeException.Invalid(AmbiguityMessage(text, match));
        return match.Label;
    }

    /// <summary>
    /// The text that reads back as the label <paramref name="id"/> (after merges): its bare name where that is
    /// unambiguous, else its escaped path, else that path anchored with '/'. A label that is not live (split) keeps
    /// its name. Refused only when another label is named exactly like the anchored path.
    /// </summary>
    public string ReferenceOf(long id)
    {
        var resolved = _resolver.Resolve(id);
        if (_references.TryGetValue(resolved, out var known))
            return known;
        if (_resolver.Find(resolved) is null)
            return $"#{id}";
        var reference = TryReference(resolved) ?? throw LabelforgeException.Conflict(
            $"Label '{_resolver.PathOf(resolved)}' cannot be written so that it reads back as itself: another label is named like its path. Rename one of them.");
        _references[resolved] = reference;
        return reference;
    }

    /// <summary>Resolved, de-duplicated label references (<see cref="ReferenceOf"/>) in first-seen order.</summary>
    public IReadOnlyList<string> References(IEnumerable<long> ids)
    {
        var seen = new HashSet<long>();
        var references = new List<string>();
        foreach (var id in ids)
        {
            var resolved = _resolver.Resolve(id);
            if (seen.Add(resolved))
                references.Add(ReferenceOf(resolved));
        }
        return references;
    }

    /// <summary>The error for a text that names several labels: the candidates, each as it can be written, and the syntax.</summary>
    public string AmbiguityMessage(string text, LabelMatch match)
    {
        var t = text.Trim();
        var written = match.Candidates.Select(l => $"'{TryReference(l.Id) ?? LabelPath.Anchored(_resolver.PathOf(l.Id))}'").ToList();
        return $"label '{t}' is ambiguous: it means {match.Candidates.Count} labels ({string.Join(", ", written)}). " +
            $"Write the one you mean by its path, for example {written[0]}: names of the levels separated by '/', " +
            "a leading '/' for a label at the top, and a '/' or '\\' inside a name written '\\/' or '\\\\' " +
            "(in a list or a file cell also ',' as '\\,' and '|' as '\\|')";
    }

    private string? TryReference(long id)
    {
        if (_resolver.Find(id) is not { } label)
            return null;
        if (label.Status is not (LabelStatus.Active or LabelStatus.Deprecated))
            return label.Name;
        var path = _resolver.PathOf(id);
        foreach (var candidate in (string[])[label.Name, path, LabelPath.Anchored(path)])
        {
            if (Match(candidate).Label?.Id == id)
                return candidate;
        }
        return null;
    }

    private static List<Label> PathMatches(Dictionary<string, List<Label>> byPath, string text)
    {
        if (text.AsSpan().IndexOfAny(LabelPath.LevelSeparator, LabelPath.Escape) < 0)
            return []; // a single plain level is a top-level name, which the name lookup already read
        var levels = LabelPath.Parse(text);
        if (levels.Any(l => l.Length == 0))
            return [];
        return byPath.GetValueOrDefault(LabelPath.Format(levels)) ?? [];
    }

    /// <summary>The form a path match stands for: the label's path, anchored when the text was.</summary>
    private string Written(string text, Label label)
    {
        var path = _resolver.PathOf(label.Id);
        return LabelPath.IsAnchored(text) ? LabelPath.Anchored(path) : path;
    }

    private static LabelMatch Ambiguous(List<Label> first, List<Label> more) =>
        new(null, null, [.. first.Concat(more).DistinctBy(l => l.Id)]);

    private static void Add(Dictionary<string, List<Label>> into, string key, Label label)
    {
        if (into.TryGetValue(key, out var list))
            list.Add(label);
        else
            into[key] = [label];
    }
}
