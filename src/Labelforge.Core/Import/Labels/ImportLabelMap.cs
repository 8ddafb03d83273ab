using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Import.Labels;

/// <summary>
/// Label values of a file to taxonomy ids, read as <see cref="LabelLookup"/> reads them (a name, then a path;
/// ignoring case, after trimming; merged labels resolve to their target). A value that had outer whitespace or
/// matched a label only ignoring case is kept as a notice, so the report says what was changed. A value that
/// names several labels (a name shared under different parents) is a row problem naming them. With creation on,
/// an unknown value becomes a top-level label named exactly as written (trimmed): a '/' in it is part of the name.
/// </summary>
internal sealed class ImportLabelMap(LabelResolver resolver)
{
    private readonly LabelLookup _lookup = resolver.Lookup;
    private readonly Dictionary<string, (long Id, string Written, string? Problem)> _byValue = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _created = new(LabelNames.Comparer);
    private readonly Dictionary<string, ImportLabelNotice> _notices = new(StringComparer.Ordinal);

    public List<string> Created { get; } = [];

    /// <summary>Values read as something else than written, in first-seen order.</summary>
    public IReadOnlyList<ImportLabelNotice> Notices => _notices.Values.ToList();

    /// <summary>The ids of <paramref name="names"/>, or the problem (an unknown or ambiguous value) that makes the row bad.</summary>
    public async Task<(long[] Ids, string? Problem)> MapAsync(IReadOnlyList<string> names, bool create, Func<string, Task<long>> createLabel)
    {
        var ids = new long[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var value = names[i];
            var name = value.Trim();
            if (!_byValue.TryGetValue(name, out var found))
                found = _byValue[name] = Read(name);
            if (found.Problem is { } problem)
                return ([], problem);
            if (found.Id == 0)
            {
                if (!create || name.Length == 0 || name.Any(char.IsControl))
                    return ([], $"unknown label '{name}'; add it to the taxonomy first or import with --create-labels");
                found = _byValue[name] = (await createLabel(name), name, null);
                _created[name] = found.Id;
                Created.Add(name);
            }
            if (!string.Equals(value, found.Written, StringComparison.Ordinal))
                Notice(value, found.Written);
            ids[i] = found.Id;
        }
        return (ids.Distinct().ToArray(), null);
    }

    /// <summary>A value not seen before: the taxonomy's answer, else a label this import created (by another case); id 0 when unknown.</summary>
    private (long Id, string Written, string? Problem) Read(string name)
    {
        var match = _lookup.Match(name, followMerged: true);
        if (match.Ambiguous)
            return (0, name, _lookup.AmbiguityMessage(name, match));
        if (match.Label is { } label)
            return (label.Id, match.Written ?? label.Name, null);
        return _created.FirstOrDefault(c => LabelNames.Same(c.Key, name)) is { Value: > 0 } created ? (created.Value, created.Key, null) : (0, name, null);
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
