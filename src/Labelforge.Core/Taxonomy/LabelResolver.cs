namespace Labelforge.Core.Taxonomy;

/// <summary>
/// Maps stored label ids to what they mean now: a merged label resolves (transitively) to its merge
/// target, so annotations made before a merge read as the new label in current labels and exports.
/// </summary>
public sealed class LabelResolver
{
    private readonly Dictionary<long, Label> _byId;

    public LabelResolver(IEnumerable<Label> labels) => _byId = labels.ToDictionary(l => l.Id);

    public IReadOnlyCollection<Label> All => _byId.Values;

    public Label? Find(long id) => _byId.GetValueOrDefault(id);

    /// <summary>Reads label texts and writes the text that reads back as a label (<see cref="LabelLookup"/>).</summary>
    public LabelLookup Lookup => _lookup ??= new LabelLookup(this);

    private LabelLookup? _lookup;

    /// <summary>
    /// The live (active or deprecated) label with this name or path (<see cref="LabelPath"/> syntax), ignoring
    /// case: the text is tried as a name first, so "Sci/Tech" finds a label of that name without escapes; then as
    /// a path, so "Science/Tech" (or "Sci\/Tech" for a label named Sci/Tech at the top) finds it by its levels.
    /// Null when none; a text that names several labels is an Invalid error listing them (<see cref="LabelLookup"/>).
    /// </summary>
    public Label? FindLive(string nameOrPath) => Lookup.FindLive(nameOrPath);

    /// <summary>The label an id resolves to now (itself unless merged); guards against cycles.</summary>
    public long Resolve(long id)
    {
        var current = id;
        for (var hops = 0; hops < _byId.Count + 1; hops++)
        {
            if (!_byId.TryGetValue(current, out var label) || label.Status != LabelStatus.Merged || label.MergedIntoId is not { } next)
                return current;
            current = next;
        }
        return current;
    }

    public bool IsSplit(long id) => _byId.TryGetValue(id, out var label) && label.Status == LabelStatus.Split;

    /// <summary>The label's path from the top of the tree, in <see cref="LabelPath"/> syntax (escaped).</summary>
    public string PathOf(long id)
    {
        var parts = new List<string>();
        var guard = 0;
        for (var label = Find(id); label is not null && guard++ <= _byId.Count; label = label.ParentId is { } p ? Find(p) : null)
            parts.Add(label.Name);
        parts.Reverse();
        return LabelPath.Format(parts);
    }

    public LabelView View(Label l) => new(l.Id, l.Name, PathOf(l.Id), l.ParentId, l.Description, l.Hotkey, l.Color,
        l.Status.ToString().ToLowerInvariant(), l.MergedIntoId);
}
