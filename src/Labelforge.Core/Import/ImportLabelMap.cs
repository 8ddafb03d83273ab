using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Import;

/// <summary>
/// Label values of a file to taxonomy ids: by name or path (<see cref="LabelPath"/> syntax), ignoring case, after
/// trimming; merged labels resolve to their target. A value that had outer whitespace or matched a label only
/// ignoring case is kept as a notice, so the report says what was changed. With creation on, an unknown value
/// becomes a top-level label named exactly as written (trimmed): a '/' in it is part of the name.
/// </summary>
internal sealed class ImportLabelMap
{
    private readonly Dictionary<string, (long Id, string Written)> _byName = new(LabelNames.Comparer);
    private readonly Dictionary<string, ImportLabelNotice> _notices = new(StringComparer.Ordinal);

    public ImportLabelMap(LabelResolver resolver)
    {
        var live = resolver.All.Where(l => l.Status is LabelStatus.Active or LabelStatus.Deprecated).ToList();
        foreach (var label in live)
            _byName.TryAdd(label.Name, (label.Id, label.Name)); // a name wins over an equal path, as in LabelResolver.FindLive
        foreach (var label in live)
        {
            var path = resolver.PathOf(label.Id);
            _byName.TryAdd(path, (label.Id, path));
        }
        foreach (var label in resolver.All.Where(l => l.Status is LabelStatus.Merged))
            _byName.TryAdd(label.Name, (resolver.Resolve(label.Id), label.Name));
    }

    public List<string> Created { get; } = [];

    /// <summary>Values read as something else than written, in first-seen order.</summary>
    public IReadOnlyList<ImportLabelNotice> Notices => _notices.Values.ToList();

    public async Task<(long[] Ids, string? Unknown)> MapAsync(IReadOnlyList<string> names, bool create, Func<string, Task<long>> createLabel)
    {
        var ids = new long[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var value = names[i];
            var name = value.Trim();
            if (!TryFind(name, out var found))
            {
                if (!create || name.Length == 0 || name.Any(char.IsControl))
                    return ([], name);
                found = (await createLabel(name), name);
                _byName[name] = found;
                Created.Add(name);
            }
            if (!string.Equals(value, found.Written, StringComparison.Ordinal))
                Notice(value, found.Written);
            ids[i] = found.Id;
        }
        return (ids.Distinct().ToArray(), null);
    }

    /// <summary>By name or path as written; then by the path's canonical form ("Science / Sci\/Tech").</summary>
    private bool TryFind(string name, out (long Id, string Written) found)
    {
        if (_byName.TryGetValue(name, out found))
            return true;
        return name.AsSpan().IndexOfAny(LabelPath.LevelSeparator, LabelPath.Escape) >= 0
            && _byName.TryGetValue(LabelPath.Format(LabelPath.Parse(name)), out found);
    }

    private void Notice(string value, string label)
    {
        if (_notices.TryGetValue(value, out var seen))
        {
            _notices[value] = seen with { Rows = seen.Rows + 1 };
            return;
        }
        var trimmed = value.Trim();
        var why = string.Equals(trimmed, value, StringComparison.Ordinal) ? "" : "whitespace around it was removed";
        if (!string.Equals(trimmed, label, StringComparison.Ordinal))
        {
            var match = LabelNames.Same(trimmed, label) ? "it matched ignoring case" : "it matched by its path";
            why = why.Length == 0 ? match : $"{why} and {match}";
        }
        _notices[value] = new ImportLabelNotice(value, label, $"label '{value}' was read as '{label}': {why}", 1);
    }
}
